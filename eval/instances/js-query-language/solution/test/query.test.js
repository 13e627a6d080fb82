import { test } from "node:test";
import assert from "node:assert/strict";
import { filter } from "../src/query.js";
import { parse } from "../src/parser.js";

const PEOPLE = [
  { name: "Ann", age: 30, home: { city: "Paris" } },
  { name: "Bob", age: 41, home: { city: "Lyon" } },
  { name: "Cy", age: 30, home: { city: "Lyon" } },
];
const names = (query) => filter(PEOPLE, query).map((p) => p.name);

test("equality joined by and", () => {
  assert.deepEqual(names('age = 30 and home.city = "Lyon"'), ["Cy"]);
});

test("or, not, in and ordering", () => {
  assert.deepEqual(names("age > 35 or name = 'Ann'"), ["Ann", "Bob"]);
  assert.deepEqual(names("not home.city in ('Lyon')"), ["Ann"]);
  assert.deepEqual(names("name >= 'B' and age != 41"), ["Cy"]);
});

test("syntax errors", () => {
  assert.throws(() => parse("age ="), /expected a value, found end of query at column 6/);
  assert.throws(() => parse("age = 1 age"), /column 9/);
});
