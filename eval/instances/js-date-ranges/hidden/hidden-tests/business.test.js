import { test } from "node:test";
import assert from "node:assert/strict";
import { weekday } from "../src/date.js";
import { DateRange } from "../src/range.js";
import { addBusinessDays, businessDays } from "../src/business.js";

test("ISO weekdays, before and after 1970", () => {
  assert.equal(weekday("1970-01-01"), 4);
  assert.equal(weekday("1969-12-28"), 7);
  assert.equal(weekday("2024-02-29"), 4);
  assert.equal(weekday("2024-03-04"), 1);
});

test("business days in a range", () => {
  const march = new DateRange("2024-03-01", "2024-03-31");
  assert.equal(businessDays(march), 21);
  assert.equal(businessDays(march, { holidays: ["2024-03-29", "2024-03-29", "2024-03-30", "2024-04-01"] }), 20);
  assert.equal(businessDays(new DateRange("2024-03-09", "2024-03-10")), 0);
  assert.throws(() => businessDays(march, { holidays: ["2024-3-29"] }), RangeError);
});

test("adding business days skips weekends and holidays", () => {
  assert.equal(addBusinessDays("2024-03-28", 1, { holidays: ["2024-03-29", "2024-04-01"] }), "2024-04-02");
  assert.equal(addBusinessDays("2024-03-08", 5), "2024-03-15");
  assert.equal(addBusinessDays("2024-03-09", 1), "2024-03-11");
  assert.equal(addBusinessDays("2024-03-11", -1), "2024-03-08");
  assert.equal(addBusinessDays("2024-03-10", 0), "2024-03-10");
  assert.throws(() => addBusinessDays("2024-03-10", 1.5), RangeError);
});
