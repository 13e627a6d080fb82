import { test } from "node:test";
import assert from "node:assert/strict";
import { convertQuantity } from "../src/quantity.js";

test("compound quantities", () => {
  assert.equal(convertQuantity("90 km/h", "m/s").text, "25 m/s");
  assert.equal(convertQuantity("60 mi/h", "km/h").text, "96.5606 km/h");
  assert.equal(convertQuantity("9.81 m/s^2", "ft/s^2").text, "32.185 ft/s^2");
  assert.equal(convertQuantity("1 kg*m/s^2", "g*cm/s^2").text, "100000 g*cm/s^2");
  assert.equal(convertQuantity("  2 ft^2 ", "in^2").text, "288 in^2");
  const result = convertQuantity("1 mi", "m");
  assert.equal(result.unit, "m");
  assert.ok(Math.abs(result.value - 1609.344) < 1e-9);
});

test("temperatures", () => {
  assert.equal(convertQuantity("98.6 F", "C").text, "37 C");
  assert.equal(convertQuantity("-40 C", "F").text, "-40 F");
  assert.equal(convertQuantity("0 K", "F", { precision: 1 }).text, "-459.7 F");
});

test("precision", () => {
  assert.equal(convertQuantity("1 mi", "m", { precision: 0 }).text, "1609 m");
  assert.equal(convertQuantity("1 m", "ft", { precision: 2 }).text, "3.28 ft");
  assert.equal(convertQuantity("-0.00001 m", "km").text, "0 km");
  assert.throws(() => convertQuantity("1 m", "ft", { precision: -1 }), RangeError);
});

test("errors", () => {
  assert.throws(() => convertQuantity("1 km/h", "kg"), /km\/h \(length\/time\) to kg \(mass\)/);
  assert.throws(() => convertQuantity("3 m/s^2", "m/s"), /\(length\/time\^2\) to m\/s \(length\/time\)/);
  assert.throws(() => convertQuantity("1 C", "m"), /cannot convert/);
  assert.throws(() => convertQuantity("fast", "m/s"), /fast/);
  assert.throws(() => convertQuantity("90", "m/s"), /90/);
});
