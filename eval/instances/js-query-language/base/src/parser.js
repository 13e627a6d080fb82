// query := comparison ("and" comparison)*     comparison := ident "=" value
import { QuerySyntaxError } from "./errors.js";
import { tokenize } from "./lexer.js";

function describe(token) {
  return token.type === "eof" ? "end of query" : `'${token.value}'`;
}

export function parse(text) {
  const tokens = tokenize(text);
  let at = 0;
  const expect = (type, what) => {
    const token = tokens[at];
    if (token.type !== type) throw new QuerySyntaxError(`expected ${what}, found ${describe(token)}`, token.column);
    at += 1;
    return token;
  };
  const comparison = () => {
    const field = expect("ident", "a field name").value;
    const op = expect("op", "an operator").value;
    const token = tokens[at];
    if (token.type !== "number" && token.type !== "string") {
      throw new QuerySyntaxError(`expected a value, found ${describe(token)}`, token.column);
    }
    at += 1;
    return { type: "compare", field, op, value: token.value };
  };
  let node = comparison();
  while (tokens[at].type === "and") {
    at += 1;
    node = { type: "and", left: node, right: comparison() };
  }
  expect("eof", "'and' or the end of the query");
  return node;
}
