import { test } from "node:test";
import assert from "node:assert/strict";
import { describeDimensions, parseUnitExpression } from "../src/expr.js";

test("compound expressions", () => {
  const speed = parseUnitExpression("km/h");
  assert.ok(Math.abs(speed.factor - 1000 / 3600) < 1e-12);
  assert.deepEqual(speed.dimensions, { length: 1, time: -1 });
  assert.deepEqual(parseUnitExpression("kg*m/s^2").dimensions, { mass: 1, length: 1, time: -2 });
});

test("describe", () => {
  assert.equal(describeDimensions({ time: -2, length: 1, mass: 1 }), "length*mass/time^2");
});

test("errors", () => {
  assert.throws(() => parseUnitExpression("C/s"), /offset/);
  assert.throws(() => parseUnitExpression("m/s/s"), /at most one/);
});
