import { test } from "node:test";
import assert from "node:assert/strict";
import { convertQuantity, formatNumber } from "../src/quantity.js";

test("compound and temperature quantities", () => {
  assert.equal(convertQuantity("90 km/h", "m/s").text, "25 m/s");
  assert.equal(convertQuantity("-40 C", "F").text, "-40 F");
});

test("format", () => {
  assert.equal(formatNumber(1 / 3, 2), "0.33");
  assert.equal(formatNumber(-0.00001), "0");
});

test("mismatch", () => {
  assert.throws(() => convertQuantity("1 km/h", "kg"), /km\/h \(length\/time\) to kg \(mass\)/);
});
