import assert from "node:assert/strict";
import { test } from "node:test";
import { sum } from "../src/sum.js";

test("sums a list of numbers", () => {
  assert.equal(sum([1, 2, 3]), 6);
});

test("sums an empty list to zero", () => {
  assert.equal(sum([]), 0);
});
