import { test } from "node:test";
import assert from "node:assert/strict";
import { filter } from "../src/query.js";

const ITEMS = [
  { sku: "A-1", qty: 5, tag: 'say "hi"', meta: { color: "red" } },
  { sku: "B-2", qty: 0, meta: { color: "blue" } },
  { sku: "C-3", qty: 5, meta: null },
];

test("equality and 'and' keep their meaning", () => {
  assert.deepEqual(filter(ITEMS, "qty = 5").map((i) => i.sku), ["A-1", "C-3"]);
  assert.deepEqual(filter(ITEMS, 'qty = 5 AND meta.color = "red"').map((i) => i.sku), ["A-1"]);
  assert.deepEqual(filter(ITEMS, 'tag = "say \\"hi\\""').map((i) => i.sku), ["A-1"]);
  assert.deepEqual(filter(ITEMS, 'meta.color.x = "red"'), []);
  assert.deepEqual(filter(ITEMS, 'qty = "5"'), []);
  assert.throws(() => filter(ITEMS, 'sku = "A'), { name: "QuerySyntaxError", column: 7 });
});
