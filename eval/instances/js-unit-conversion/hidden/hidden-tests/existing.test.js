import { test } from "node:test";
import assert from "node:assert/strict";
import { convert } from "../src/convert.js";
import { lookupUnit } from "../src/units.js";

const close = (actual, expected) => assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} != ${expected}`);

test("linear conversions and errors are unchanged", () => {
  close(convert(12, "in", "ft"), 1);
  close(convert(2.5, "kg", "g"), 2500);
  close(convert(7200, "s", "h"), 2);
  close(convert(5, "K", "K"), 5);
  assert.throws(() => convert(1, "s", "m"), /cannot convert s \(time\) to m \(length\)/);
  assert.throws(() => lookupUnit("Km"), { name: "UnknownUnitError" });
});
