import { test } from "node:test";
import assert from "node:assert/strict";
import { DateRange } from "../src/range.js";

test("days and contains", () => {
  const range = new DateRange("2024-02-27", "2024-03-01");
  assert.equal(range.days(), 4);
  assert.ok(range.contains("2024-02-29"));
  assert.ok(!range.contains("2024-03-02"));
});

test("overlapping ranges", () => {
  assert.ok(new DateRange("2024-01-01", "2024-01-10").overlaps(new DateRange("2024-01-05", "2024-01-20")));
  assert.ok(!new DateRange("2024-01-01", "2024-01-04").overlaps(new DateRange("2024-01-06", "2024-01-20")));
});

test("end before start", () => {
  assert.throws(() => new DateRange("2024-01-02", "2024-01-01"), RangeError);
});
