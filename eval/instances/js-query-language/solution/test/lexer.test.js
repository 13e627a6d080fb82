import { test } from "node:test";
import assert from "node:assert/strict";
import { tokenize } from "../src/lexer.js";

test("tokens with columns", () => {
  const tokens = tokenize('age = 3 AND name = "a\\"b"');
  assert.deepEqual(
    tokens.map((t) => [t.type, t.value, t.column]),
    [["ident", "age", 1], ["op", "=", 5], ["number", 3, 7], ["and", "and", 9], ["ident", "name", 13], ["op", "=", 18], ["string", 'a"b', 20], ["eof", null, 26]],
  );
});

test("operators, keywords, punctuation and single quotes", () => {
  const tokens = tokenize("not (a<=1 or b != 'x') and c in (1,2)");
  assert.deepEqual(
    tokens.map((t) => t.type),
    ["not", "lparen", "ident", "op", "number", "or", "ident", "op", "string", "rparen", "and", "ident", "in", "lparen", "number", "comma", "number", "rparen", "eof"],
  );
  assert.equal(tokens[3].value, "<=");
});

test("errors", () => {
  assert.throws(() => tokenize('a = "x'), /unterminated string at column 5/);
  assert.throws(() => tokenize("a ~ 1"), /unexpected character '~' at column 3/);
});
