import type { JsonSchema } from "./openapi-types.ts";
import { mapSchema } from "./schema-walk.ts";

type SchemaObject = { readonly [keyword: string]: unknown };

function withoutKeys(node: SchemaObject, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(node).filter(([keyword]) => !keys.includes(keyword)));
}

function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}

/** OpenAPI 3.0 `nullable: true` → JSON Schema: `null` joins the type (and the enum, if any). */
function applyNullable(node: SchemaObject): JsonSchema {
  const rest = withoutKeys(node, ["nullable"]);
  if (node["nullable"] !== true) return rest;
  const values = asArray(rest["enum"]);
  if (values.length > 0 && !values.includes(null)) rest["enum"] = [...values, null];
  const type = rest["type"];
  if (typeof type === "string") return { ...rest, type: [type, "null"] };
  const types = asArray(type);
  if (Array.isArray(type)) return types.includes("null") ? rest : { ...rest, type: [...types, "null"] };
  return { anyOf: [rest, { type: "null" }] };
}

/**
 * `oneOf` → `anyOf`. GitHub's alternatives often overlap (a file and a symlink content entry,
 * an empty label list), so a strict `oneOf` would reject values GitHub itself sends and accepts.
 */
function relaxOneOf(node: SchemaObject): SchemaObject {
  if (!Array.isArray(node["oneOf"])) return node;
  const rest = withoutKeys(node, ["oneOf"]);
  const alternatives = Array.isArray(rest["anyOf"]) ? [{ anyOf: rest["anyOf"] }, { anyOf: node["oneOf"] }] : null;
  return alternatives === null
    ? { ...rest, anyOf: node["oneOf"] }
    : { ...withoutKeys(rest, ["anyOf"]), allOf: [...asArray(rest["allOf"]), ...alternatives] };
}

/** OpenAPI 3.0's boolean `exclusiveMinimum`/`exclusiveMaximum` → the draft-07 numeric form. */
function fixExclusiveBounds(node: SchemaObject): SchemaObject {
  let result: Record<string, unknown> = { ...node };
  for (const [exclusive, bound] of [
    ["exclusiveMinimum", "minimum"],
    ["exclusiveMaximum", "maximum"],
  ] as const) {
    if (typeof result[exclusive] !== "boolean") continue;
    const isExclusive = result[exclusive] === true && typeof result[bound] === "number";
    result = withoutKeys(result, isExclusive ? [exclusive, bound] : [exclusive]);
    if (isExclusive) result[exclusive] = node[bound];
  }
  return result;
}

/**
 * Converts an OpenAPI 3.0 schema into a draft-07 JSON Schema that ajv compiles: nullable,
 * oneOf (relaxed to anyOf), boolean exclusive bounds, and `discriminator` (dropped; ajv only
 * understands it in a stricter form than GitHub uses).
 */
export function toJsonSchema(schema: JsonSchema): JsonSchema {
  return mapSchema(schema, (node) => {
    const cleaned = withoutKeys(node, ["discriminator", "deprecated"]);
    return applyNullable(relaxOneOf(fixExclusiveBounds(cleaned)));
  });
}
