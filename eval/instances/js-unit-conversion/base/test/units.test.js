import { test } from "node:test";
import assert from "node:assert/strict";
import { lookupUnit } from "../src/units.js";

test("lookup is case-sensitive", () => {
  assert.equal(lookupUnit("km").factor, 1000);
  assert.throws(() => lookupUnit("KM"), /unknown unit 'KM'/);
  assert.throws(() => lookupUnit("toString"), /unknown unit/);
});
