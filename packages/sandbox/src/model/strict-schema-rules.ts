type SchemaNode = Record<string, unknown>;

const SUBSCHEMA_LISTS = ["anyOf", "allOf", "oneOf", "prefixItems"] as const;
const SUBSCHEMA_MAPS = ["properties", "$defs", "definitions"] as const;

/**
 * The rules OpenAI's structured outputs enforce on a `strict: true` schema before answering:
 * the root is an object, and every object lists all its properties in `required` and sets
 * `additionalProperties: false`. Returns the first violation in OpenAI's words, or undefined.
 */
export function strictSchemaViolation(schema: SchemaNode): string | undefined {
  if (schema["type"] !== "object") {
    return `schema must be a JSON Schema of 'type: "object"', got 'type: "${String(schema["type"])}"'.`;
  }
  return visit(schema, []);
}

function visit(node: SchemaNode, context: string[]): string | undefined {
  const own = objectViolation(node, context);
  if (own) return own;
  for (const [key, child] of children(node)) {
    const found = visit(child, [...context, ...key]);
    if (found) return found;
  }
  return undefined;
}

function objectViolation(node: SchemaNode, context: string[]): string | undefined {
  const isObject = node["type"] === "object" || (Array.isArray(node["type"]) && node["type"].includes("object"));
  if (!isObject && node["properties"] === undefined) return undefined;
  const where = `In context=(${context.map((part) => `'${part}'`).join(", ")})`;
  if (node["additionalProperties"] !== false) {
    return `${where}, 'additionalProperties' is required to be supplied and to be false.`;
  }
  const properties = Object.keys(asNode(node["properties"]) ?? {});
  const required = Array.isArray(node["required"]) ? (node["required"] as unknown[]) : [];
  const missing = properties.find((name) => !required.includes(name));
  if (missing !== undefined) {
    const rule = "'required' is required to be supplied and to be an array including every key in properties";
    return `${where}, ${rule}. Missing '${missing}'.`;
  }
  return undefined;
}

function children(node: SchemaNode): [string[], SchemaNode][] {
  const found: [string[], SchemaNode][] = [];
  for (const key of SUBSCHEMA_MAPS) {
    for (const [name, child] of Object.entries(asNode(node[key]) ?? {})) {
      const schema = asNode(child);
      if (schema) found.push([[key, name], schema]);
    }
  }
  for (const key of SUBSCHEMA_LISTS) {
    const list = Array.isArray(node[key]) ? (node[key] as unknown[]) : [];
    list.forEach((child, index) => {
      const schema = asNode(child);
      if (schema) found.push([[key, String(index)], schema]);
    });
  }
  const items = asNode(node["items"]);
  if (items) found.push([["items"], items]);
  return found;
}

function asNode(value: unknown): SchemaNode | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as SchemaNode) : undefined;
}
