import { test } from "node:test";
import assert from "node:assert/strict";
import { DateRange } from "../src/range.js";
import { freeRanges, mergeRanges } from "../src/merge.js";

const r = (a, b) => new DateRange(a, b);
const text = (ranges) => ranges.map(String);

test("merging sorts, combines overlapping, nested and adjacent ranges", () => {
  const input = [r("2024-05-20", "2024-05-21"), r("2024-05-01", "2024-05-10"), r("2024-05-03", "2024-05-04"), r("2024-05-11", "2024-05-12"), r("2024-05-12", "2024-05-14")];
  assert.deepEqual(text(mergeRanges(input)), ["2024-05-01..2024-05-14", "2024-05-20..2024-05-21"]);
  assert.equal(String(input[1]), "2024-05-01..2024-05-10");
  assert.equal(input.length, 5);
  assert.deepEqual(mergeRanges([]), []);
  assert.deepEqual(text(mergeRanges([r("2024-01-01", "2024-01-01"), r("2024-01-03", "2024-01-03")])), ["2024-01-01..2024-01-01", "2024-01-03..2024-01-03"]);
});

test("free days around bookings", () => {
  const month = r("2024-02-01", "2024-02-29");
  const busy = [r("2024-02-10", "2024-02-12"), r("2024-01-25", "2024-02-03"), r("2024-02-13", "2024-02-14"), r("2024-02-28", "2024-03-05")];
  assert.deepEqual(text(freeRanges(month, busy)), ["2024-02-04..2024-02-09", "2024-02-15..2024-02-27"]);
  assert.deepEqual(text(freeRanges(month, [])), ["2024-02-01..2024-02-29"]);
  assert.deepEqual(freeRanges(month, [r("2024-01-01", "2024-03-31")]), []);
  assert.deepEqual(text(freeRanges(month, [r("2024-03-01", "2024-03-31")])), ["2024-02-01..2024-02-29"]);
});
