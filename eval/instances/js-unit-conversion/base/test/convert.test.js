import { test } from "node:test";
import assert from "node:assert/strict";
import { convert } from "../src/convert.js";

const close = (actual, expected) => assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} != ${expected}`);

test("length, mass and time", () => {
  close(convert(3, "km", "m"), 3000);
  close(convert(1, "mi", "ft"), 5280);
  close(convert(16, "oz", "lb"), 1);
  close(convert(90, "min", "h"), 1.5);
});

test("mismatched dimensions and unknown units", () => {
  assert.throws(() => convert(1, "kg", "m"), /cannot convert kg \(mass\) to m \(length\)/);
  assert.throws(() => convert(1, "parsec", "m"), { name: "UnknownUnitError" });
});
