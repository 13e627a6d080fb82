import { test } from "node:test";
import assert from "node:assert/strict";
import { parse } from "../src/parser.js";

const cmp = (field, op, value) => ({ type: "compare", field, op, value });

test("and binds tighter than or; parentheses override", () => {
  assert.deepEqual(parse("a = 1 or b = 2 and c = 3"), { type: "or", left: cmp("a", "=", 1), right: { type: "and", left: cmp("b", "=", 2), right: cmp("c", "=", 3) } });
  assert.deepEqual(parse("(a = 1 or b = 2) and c = 3").type, "and");
});

test("not and in", () => {
  assert.deepEqual(parse("not x in (1, 'a')"), { type: "not", expr: { type: "in", field: "x", values: [1, "a"] } });
  assert.deepEqual(parse("x not in (1)"), parse("not x in (1)"));
});

test("errors point at the token", () => {
  assert.throws(() => parse("(a = 1"), /expected '\)', found end of query at column 7/);
  assert.throws(() => parse("a in (1,)"), /expected a value, found '\)' at column 9/);
});
