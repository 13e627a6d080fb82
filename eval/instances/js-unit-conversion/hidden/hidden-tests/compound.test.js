import { test } from "node:test";
import assert from "node:assert/strict";
import { parseUnitExpression } from "../src/expr.js";

const close = (actual, expected) => assert.ok(Math.abs(actual - expected) < 1e-9 * Math.max(1, Math.abs(expected)), `${actual} != ${expected}`);

test("factors and dimensions", () => {
  const speed = parseUnitExpression("km/h");
  close(speed.factor, 1000 / 3600);
  assert.deepEqual(speed.dimensions, { length: 1, time: -1 });
  const force = parseUnitExpression("kg*m/s^2");
  close(force.factor, 1);
  assert.deepEqual(force.dimensions, { mass: 1, length: 1, time: -2 });
  close(parseUnitExpression("ft^3").factor, 0.3048 ** 3);
  close(parseUnitExpression("g/cm^3").factor, 1000);
  assert.deepEqual(parseUnitExpression("mi").dimensions, { length: 1 });
});

test("powers that cancel disappear", () => {
  const ratio = parseUnitExpression("m/km");
  close(ratio.factor, 0.001);
  assert.deepEqual(ratio.dimensions, {});
});

test("bad expressions", () => {
  assert.throws(() => parseUnitExpression("m/s/s"), /m\/s\/s/);
  assert.throws(() => parseUnitExpression("km/parsec"), { name: "UnknownUnitError" });
  assert.throws(() => parseUnitExpression("m^x"), /m\^x/);
  assert.throws(() => parseUnitExpression("F/s"), /offset/);
  assert.throws(() => parseUnitExpression("m*"), Error);
});
