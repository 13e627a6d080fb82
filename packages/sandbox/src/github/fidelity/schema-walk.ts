import type { JsonSchema } from "./openapi-types.ts";

type SchemaObject = { readonly [keyword: string]: unknown };

/** Keywords whose value is a map of name → subschema. */
const SCHEMA_MAP_KEYWORDS = new Set(["properties", "patternProperties", "definitions", "$defs", "dependentSchemas"]);

/** Keywords whose value is a subschema, or (for `items`) an array of subschemas. */
const SUBSCHEMA_KEYWORDS = new Set([
  "additionalProperties",
  "items",
  "additionalItems",
  "not",
  "contains",
  "propertyNames",
  "if",
  "then",
  "else",
  "unevaluatedItems",
  "unevaluatedProperties",
]);

/** Keywords whose value is an array of subschemas. */
const SCHEMA_LIST_KEYWORDS = new Set(["allOf", "anyOf", "oneOf", "prefixItems"]);

export function isSchemaObject(value: unknown): value is SchemaObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Rebuilds a schema bottom-up: every subschema is mapped first, then `visit` sees the node with
 * its mapped children. Only schema positions are visited, so a property that happens to be
 * called `description` or `title` is never mistaken for a keyword. The input is not modified.
 */
export function mapSchema(schema: JsonSchema, visit: (node: SchemaObject) => JsonSchema): JsonSchema {
  if (!isSchemaObject(schema)) return schema;
  const node = Object.fromEntries(Object.entries(schema).map(([keyword, value]) => [keyword, mapKeywordValue(keyword, value, visit)]));
  return visit(node);
}

function mapKeywordValue(keyword: string, value: unknown, visit: (node: SchemaObject) => JsonSchema): unknown {
  if (SCHEMA_MAP_KEYWORDS.has(keyword) && isSchemaObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, mapSchema(sub as JsonSchema, visit)]));
  }
  if (SCHEMA_LIST_KEYWORDS.has(keyword) && Array.isArray(value)) {
    return value.map((sub) => mapSchema(sub as JsonSchema, visit));
  }
  if (SUBSCHEMA_KEYWORDS.has(keyword)) {
    if (Array.isArray(value)) return value.map((sub) => mapSchema(sub as JsonSchema, visit));
    if (isSchemaObject(value) || typeof value === "boolean") return mapSchema(value, visit);
  }
  return value;
}

/** Recursively sorts object keys (arrays keep their order) so serialisation is deterministic. */
export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (!isSchemaObject(value)) return value;
  const keys = Object.keys(value).sort();
  return Object.fromEntries(keys.map((key) => [key, sortKeysDeep(value[key])]));
}
