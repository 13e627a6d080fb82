// Evaluate parsed queries against records.
import { parse } from "./parser.js";

export function fieldValue(record, path) {
  let value = record;
  for (const part of path.split(".")) {
    if (value === null || typeof value !== "object" || !(part in value)) return undefined;
    value = value[part];
  }
  return value;
}

// Ordering only compares numbers with numbers and strings with strings; anything else never matches.
function ordered(left, op, right) {
  const comparable = (typeof left === "number" && typeof right === "number") || (typeof left === "string" && typeof right === "string");
  if (!comparable) return false;
  if (op === "<") return left < right;
  if (op === "<=") return left <= right;
  if (op === ">") return left > right;
  return left >= right;
}

function compare(node, record) {
  const actual = fieldValue(record, node.field);
  if (node.op === "=") return actual === node.value;
  if (node.op === "!=") return actual !== node.value;
  return ordered(actual, node.op, node.value);
}

export function evaluate(node, record) {
  switch (node.type) {
    case "and":
      return evaluate(node.left, record) && evaluate(node.right, record);
    case "or":
      return evaluate(node.left, record) || evaluate(node.right, record);
    case "not":
      return !evaluate(node.expr, record);
    case "in":
      return node.values.includes(fieldValue(record, node.field));
    case "compare":
      return compare(node, record);
    default:
      throw new Error(`unknown node type ${node.type}`);
  }
}

export function compile(text) {
  const ast = parse(text);
  return (record) => evaluate(ast, record);
}

export function filter(records, text) {
  return records.filter(compile(text));
}
