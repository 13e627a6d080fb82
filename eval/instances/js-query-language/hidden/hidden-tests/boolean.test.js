import { test } from "node:test";
import assert from "node:assert/strict";
import { compile, filter } from "../src/query.js";

const USERS = [
  { name: "ann", role: "admin", age: 30, active: 1 },
  { name: "bob", role: "dev", age: 41, active: 0 },
  { name: "cy", role: "dev", age: 25, active: 1 },
  { name: "di", role: "ops", age: 52, active: 1 },
];
const names = (query) => filter(USERS, query).map((u) => u.name);

test("and binds tighter than or", () => {
  assert.deepEqual(names('role = "admin" or role = "dev" and age > 30'), ["ann", "bob"]);
  assert.deepEqual(names('(role = "admin" or role = "dev") and age > 26'), ["ann", "bob"]);
  assert.deepEqual(names('age < 26 OR age > 50 Or name = "bob"'), ["bob", "cy", "di"]);
});

test("not", () => {
  assert.deepEqual(names('not role = "dev"'), ["ann", "di"]);
  assert.deepEqual(names('not (role = "dev" or active = 0) and age > 40'), ["di"]);
  assert.deepEqual(names("not not active = 1"), ["ann", "cy", "di"]);
});

test("in and not in", () => {
  assert.deepEqual(names('role in ("ops", "admin")'), ["ann", "di"]);
  assert.deepEqual(names("age IN (25, 52, 99)"), ["cy", "di"]);
  assert.deepEqual(names('role not in ("dev") and active = 1'), ["ann", "di"]);
  assert.deepEqual(names('nickname in ("x")'), []);
});

test("a compiled query is reusable", () => {
  const isDev = compile("role = 'dev'");
  assert.equal(isDev(USERS[1]), true);
  assert.equal(isDev(USERS[0]), false);
});
