import { test } from "node:test";
import assert from "node:assert/strict";
import { addDays, toDayNumber } from "../src/date.js";
import { DateRange } from "../src/range.js";

test("date arithmetic and ranges keep working", () => {
  assert.equal(addDays("2023-12-31", 1), "2024-01-01");
  assert.equal(addDays("1970-01-01", -1), "1969-12-31");
  assert.throws(() => toDayNumber("2024-13-01"), RangeError);
  const range = new DateRange("2024-02-28", "2024-03-01");
  assert.equal(range.days(), 3);
  assert.equal(String(range), "2024-02-28..2024-03-01");
  assert.ok(range.overlaps(new DateRange("2024-02-01", "2024-02-29")));
  assert.ok(!range.overlaps(new DateRange("2024-03-05", "2024-03-09")));
});
