import { test } from "node:test";
import assert from "node:assert/strict";
import { filter } from "../src/query.js";

const ROWS = [
  { id: 1, price: 9.5, name: "apple" },
  { id: 2, price: 10, name: "Banana" },
  { id: 3, price: 12, name: "cherry" },
  { id: 4, name: "date" },
  { id: 5, price: "10", name: "elder" },
];
const ids = (query) => filter(ROWS, query).map((row) => row.id);

test("numeric ordering", () => {
  assert.deepEqual(ids("price < 10"), [1]);
  assert.deepEqual(ids("price <= 10"), [1, 2]);
  assert.deepEqual(ids("price > 9.5"), [2, 3]);
  assert.deepEqual(ids("price >= -1"), [1, 2, 3]);
});

test("string ordering and single quotes", () => {
  assert.deepEqual(ids("name >= 'c'"), [3, 4, 5]);
  assert.deepEqual(ids("name < 'b'"), [1, 2]);
  assert.deepEqual(ids("name = 'it\\'s'"), []);
});

test("not equal, missing fields and mixed types", () => {
  assert.deepEqual(ids("price != 10"), [1, 3, 4, 5]);
  assert.deepEqual(ids("price > '1'"), [5]);
  assert.deepEqual(ids("price < 100 and id != 1"), [2, 3]);
});
