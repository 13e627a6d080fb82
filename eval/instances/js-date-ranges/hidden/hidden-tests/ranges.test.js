import { test } from "node:test";
import assert from "node:assert/strict";
import { DateRange } from "../src/range.js";

const r = (a, b) => new DateRange(a, b);

test("ranges sharing one day overlap, both ways", () => {
  assert.equal(r("2024-01-01", "2024-01-05").overlaps(r("2024-01-05", "2024-01-09")), true);
  assert.equal(r("2024-01-05", "2024-01-09").overlaps(r("2024-01-01", "2024-01-05")), true);
});

test("single-day ranges", () => {
  const day = r("2024-01-03", "2024-01-03");
  assert.equal(day.overlaps(day), true);
  assert.equal(day.overlaps(r("2024-01-01", "2024-01-10")), true);
  assert.equal(r("2024-01-01", "2024-01-10").overlaps(day), true);
  assert.equal(day.overlaps(r("2024-01-04", "2024-01-04")), false);
});

test("adjacent ranges touch without overlapping", () => {
  const a = r("2024-02-27", "2024-02-29");
  assert.equal(a.adjacent(r("2024-03-01", "2024-03-02")), true);
  assert.equal(r("2024-03-01", "2024-03-02").adjacent(a), true);
  assert.equal(a.adjacent(r("2024-03-02", "2024-03-03")), false);
  assert.equal(a.adjacent(r("2024-02-29", "2024-03-03")), false);
});

test("intersection", () => {
  const a = r("2024-01-01", "2024-01-10");
  assert.equal(String(a.intersect(r("2024-01-08", "2024-01-20"))), "2024-01-08..2024-01-10");
  assert.equal(String(a.intersect(r("2024-01-03", "2024-01-04"))), "2024-01-03..2024-01-04");
  assert.equal(String(a.intersect(r("2024-01-10", "2024-01-12"))), "2024-01-10..2024-01-10");
  assert.equal(a.intersect(r("2024-01-11", "2024-01-12")), null);
});
