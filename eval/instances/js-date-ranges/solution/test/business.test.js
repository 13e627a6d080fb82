import { test } from "node:test";
import assert from "node:assert/strict";
import { weekday } from "../src/date.js";
import { DateRange } from "../src/range.js";
import { addBusinessDays, businessDays } from "../src/business.js";

test("weekday", () => {
  assert.equal(weekday("2024-03-04"), 1);
  assert.equal(weekday("2024-03-10"), 7);
});

test("business days in a range", () => {
  assert.equal(businessDays(new DateRange("2024-03-01", "2024-03-11"), { holidays: ["2024-03-05"] }), 6);
});

test("add business days", () => {
  assert.equal(addBusinessDays("2024-03-08", 1), "2024-03-11");
  assert.equal(addBusinessDays("2024-03-11", -1), "2024-03-08");
});
