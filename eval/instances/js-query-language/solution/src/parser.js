// query      := or
// or         := and ("or" and)*
// and        := unary ("and" unary)*
// unary      := "not" unary | "(" or ")" | comparison
// comparison := ident op value | ident ["not"] "in" "(" value ("," value)* ")"
import { QuerySyntaxError } from "./errors.js";
import { tokenize } from "./lexer.js";

function describe(token) {
  return token.type === "eof" ? "end of query" : `'${token.value}'`;
}

export function parse(text) {
  const tokens = tokenize(text);
  let at = 0;
  const peek = () => tokens[at];
  const accept = (type) => (peek().type === type ? tokens[at++] : undefined);
  const expect = (type, what) => accept(type) ?? fail(`expected ${what}`);
  const fail = (what) => {
    throw new QuerySyntaxError(`${what}, found ${describe(peek())}`, peek().column);
  };
  const value = () => (peek().type === "number" || peek().type === "string" ? tokens[at++].value : fail("expected a value"));
  const list = () => {
    expect("lparen", "'(' to start the list");
    const values = [value()];
    while (accept("comma")) values.push(value());
    expect("rparen", "',' or ')'");
    return values;
  };
  const comparison = () => {
    const field = expect("ident", "a field name").value;
    if (accept("in")) return { type: "in", field, values: list() };
    if (accept("not")) {
      expect("in", "'in' after 'not'");
      return { type: "not", expr: { type: "in", field, values: list() } };
    }
    const op = expect("op", "an operator").value;
    return { type: "compare", field, op, value: value() };
  };
  const unary = () => {
    if (accept("not")) return { type: "not", expr: unary() };
    if (accept("lparen")) {
      const inner = or();
      expect("rparen", "')'");
      return inner;
    }
    return comparison();
  };
  const binary = (type, operand) => () => {
    let node = operand();
    while (accept(type)) node = { type, left: node, right: operand() };
    return node;
  };
  const and = binary("and", unary);
  const or = binary("or", and);
  const ast = or();
  expect("eof", "'and', 'or' or the end of the query");
  return ast;
}
