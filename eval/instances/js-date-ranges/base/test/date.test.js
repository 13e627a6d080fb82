import { test } from "node:test";
import assert from "node:assert/strict";
import { addDays, compareDates, toDayNumber } from "../src/date.js";

test("day numbers and arithmetic", () => {
  assert.equal(toDayNumber("1970-01-02"), 1);
  assert.equal(addDays("2024-02-28", 1), "2024-02-29");
  assert.equal(addDays("2024-03-01", -1), "2024-02-29");
  assert.ok(compareDates("2024-01-01", "2023-12-31") > 0);
});

test("invalid dates", () => {
  assert.throws(() => toDayNumber("2023-02-29"), /not a calendar date/);
  assert.throws(() => toDayNumber("2023-2-1"), RangeError);
});
