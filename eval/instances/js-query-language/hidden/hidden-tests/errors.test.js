import { test } from "node:test";
import assert from "node:assert/strict";
import { parse } from "../src/parser.js";

const errorAt = (query, column) =>
  assert.throws(
    () => parse(query),
    (error) => {
      assert.equal(error.name, "QuerySyntaxError", query);
      assert.equal(error.column, column, query);
      assert.match(error.message, new RegExp(`at column ${column}$`));
      return true;
    },
  );

test("unbalanced parentheses", () => {
  errorAt("(age > 1", 9);
  errorAt("age > 1)", 8);
  errorAt("()", 2);
});

test("incomplete expressions", () => {
  errorAt("age >", 6);
  errorAt("a = 1 or", 9);
  errorAt("not", 4);
  errorAt("a = 1 and or b = 2", 11);
});

test("malformed lists", () => {
  errorAt("a in (1,)", 9);
  errorAt("a in 3", 6);
  errorAt("a not 3", 7);
  errorAt("a in ()", 7);
});
