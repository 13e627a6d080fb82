/** The source and test files the scripted coder writes, for the stats template (`demo/templates/stats`). */

const test = (module: string, name: string, cases: string[]): string =>
  [
    'import assert from "node:assert/strict";',
    'import { test } from "node:test";',
    `import { ${name} } from "../src/${module}.js";`,
    "",
    ...cases.map((body, index) => `test("${name} case ${index + 1}", () => {\n  ${body}\n});\n`),
  ].join("\n");

export const MEAN = `import { sum } from "./sum.js";

/** The arithmetic mean of a list of numbers. */
export function mean(values) {
  if (values.length === 0) throw new RangeError("mean of an empty list");
  return sum(values) / values.length;
}
`;

export const MEDIAN = `/** The middle value of a list of numbers (the mean of the middle two for an even count). */
export function median(values) {
  if (values.length === 0) throw new RangeError("median of an empty list");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
`;

export const MAX = `/** The largest of a list of numbers. */
export function max(values) {
  if (values.length === 0) throw new RangeError("max of an empty list");
  return values.reduce((largest, value) => (value > largest ? value : largest));
}
`;

export const VARIANCE = `import { mean } from "./mean.js";

/** The population variance of a list of numbers. */
export function variance(values) {
  const average = mean(values);
  return mean(values.map((value) => (value - average) ** 2));
}
`;

export const SUMMARY = `import { mean } from "./mean.js";
import { median } from "./median.js";
import { variance } from "./variance.js";

/** Count, mean, median and variance of a non-empty list of numbers. */
export function summary(values) {
  return { count: values.length, mean: mean(values), median: median(values), variance: variance(values) };
}
`;

export const TESTS = {
  mean: test("mean", "mean", ["assert.equal(mean([1, 2, 3, 4]), 2.5);", "assert.throws(() => mean([]), RangeError);"]),
  median: test("median", "median", ["assert.equal(median([3, 1, 2]), 2);", "assert.equal(median([4, 1, 3, 2]), 2.5);"]),
  max: test("max", "max", ["assert.equal(max([3, 7, 2]), 7);", "assert.throws(() => max([]), RangeError);"]),
  variance: test("variance", "variance", ["assert.equal(variance([1, 2, 3, 4]), 1.25);"]),
  summary: test("summary", "summary", ["assert.deepEqual(summary([1, 2, 3, 4]), { count: 4, mean: 2.5, median: 2.5, variance: 1.25 });"]),
};

/** The README line the template lists `sum` with; tasks add their function after it. */
export const SUM_LINE = "- `sum(values)`: the sum of a list of numbers.\n";
