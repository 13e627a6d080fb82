import { test } from "node:test";
import assert from "node:assert/strict";
import { DateRange } from "../src/range.js";
import { freeRanges, mergeRanges } from "../src/merge.js";

const r = (a, b) => new DateRange(a, b);
const text = (ranges) => ranges.map(String);

test("merge overlapping and adjacent", () => {
  assert.deepEqual(text(mergeRanges([r("2024-01-05", "2024-01-06"), r("2024-01-01", "2024-01-04"), r("2024-01-10", "2024-01-11")])), [
    "2024-01-01..2024-01-06",
    "2024-01-10..2024-01-11",
  ]);
});

test("free ranges", () => {
  assert.deepEqual(text(freeRanges(r("2024-01-01", "2024-01-10"), [r("2024-01-03", "2024-01-04")])), [
    "2024-01-01..2024-01-02",
    "2024-01-05..2024-01-10",
  ]);
});
