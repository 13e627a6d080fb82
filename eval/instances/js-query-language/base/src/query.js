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

export function evaluate(node, record) {
  switch (node.type) {
    case "and":
      return evaluate(node.left, record) && evaluate(node.right, record);
    case "compare":
      return fieldValue(record, node.field) === node.value;
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
