import { z } from "zod";
import type { AgentRole, AnswerSchema } from "../ports/model.ts";

type Node = Record<string, unknown>;

/** Keywords strict structured output refuses; a schema that needs one is not sent (JSON mode is used instead). */
const REFUSED = new Set([
  "allOf",
  "not",
  "if",
  "then",
  "else",
  "dependentRequired",
  "dependentSchemas",
  "patternProperties",
  "propertyNames",
  "unevaluatedProperties",
  "unevaluatedItems",
  "contains",
  "uniqueItems",
  "minProperties",
  "maxProperties",
  "prefixItems",
]);
/** Length bounds guide nothing the answer's own check does not enforce, and not every provider takes them. */
const DROPPED = new Set(["$schema", "minLength", "maxLength"]);
const SUBSCHEMA_LISTS = ["anyOf", "oneOf"];

function asNode(value: unknown): Node | null {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Node) : null;
}

/**
 * The node as strict mode takes it (`oneOf` of a discriminated union becomes `anyOf`: its
 * branches never overlap), or null when strict mode cannot express it: an object that is open
 * to unknown keys or has an optional property, or a refused keyword.
 */
function strictNode(node: Node): Node | null {
  const out: Node = {};
  for (const [key, value] of Object.entries(node)) {
    if (REFUSED.has(key)) return null;
    if (DROPPED.has(key)) continue;
    const converted = strictChild(key, value);
    if (converted === null) return null;
    out[key === "oneOf" ? "anyOf" : key] = converted;
  }
  return isStrictObject(out) ? out : null;
}

function strictChild(key: string, value: unknown): unknown {
  if (SUBSCHEMA_LISTS.includes(key) && Array.isArray(value)) {
    const branches = value.map((branch) => strictOf(branch));
    return branches.includes(null) ? null : branches;
  }
  if (key === "items") return strictOf(value);
  if (key === "properties" || key === "$defs") {
    const entries = Object.entries(asNode(value) ?? {}).map(([name, child]) => [name, strictOf(child)] as const);
    return entries.some(([, child]) => child === null) ? null : Object.fromEntries(entries);
  }
  return value;
}

function strictOf(value: unknown): Node | null {
  const node = asNode(value);
  return node ? strictNode(node) : null;
}

function isStrictObject(node: Node): boolean {
  const isObject = node["type"] === "object" || node["properties"] !== undefined;
  if (!isObject) return true;
  const properties = Object.keys(asNode(node["properties"]) ?? {});
  const required = Array.isArray(node["required"]) ? (node["required"] as unknown[]) : [];
  return node["additionalProperties"] === false && properties.every((name) => required.includes(name));
}

function generatedStrict(schema: z.ZodType): Node | null {
  try {
    const generated = z.toJSONSchema(schema, { io: "input", target: "draft-2020-12", unrepresentable: "throw" }) as Node;
    return generated["type"] === "object" ? strictNode(generated) : null;
  } catch {
    return null;
  }
}

const cache = new WeakMap<z.ZodType, Node | null>();

/** The zod schema as a strict JSON schema, or null when it cannot be one (the root must be an object). */
export function strictJsonSchema(schema: z.ZodType): Node | null {
  const cached = cache.get(schema);
  if (cached !== undefined) return cached;
  const strict = generatedStrict(schema);
  cache.set(schema, strict);
  return strict;
}

/** The answer schema sent with a role's request, when its zod schema can be a strict one. */
export function answerSchemaFor(role: AgentRole, schema: z.ZodType): AnswerSchema | undefined {
  const strict = strictJsonSchema(schema);
  return strict ? { name: `${role}_answer`, schema: strict } : undefined;
}
