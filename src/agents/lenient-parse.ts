import type { z } from "zod";

export type LenientResult<T> = { success: true; data: T } | { success: false; problems: string[] };

/** Passes enough to drop keys nested in keys that were dropped, and no more. */
const MAX_PASSES = 8;

function withoutKeys(json: unknown, path: readonly PropertyKey[], keys: readonly string[]): void {
  let node: unknown = json;
  for (const step of path) node = typeof node === "object" && node !== null ? (node as Record<PropertyKey, unknown>)[step] : undefined;
  if (typeof node !== "object" || node === null) return;
  for (const key of keys) Reflect.deleteProperty(node, key);
}

function describe(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
}

/**
 * Validates `json` against a schema whose objects refuse unknown keys, ignoring the keys it
 * does not know: they are removed and the value checked again. Every required field stays
 * required; the problems are the schema's own, once unknown keys are left out.
 */
export function parseLeniently<T>(schema: z.ZodType<T>, json: unknown): LenientResult<T> {
  const value = structuredClone(json);
  for (let pass = 0; ; pass += 1) {
    const parsed = schema.safeParse(value);
    if (parsed.success) return { success: true, data: parsed.data };
    const unknown = parsed.error.issues.filter((issue) => issue.code === "unrecognized_keys");
    if (unknown.length === 0 || pass >= MAX_PASSES) return { success: false, problems: describe(parsed.error.issues) };
    for (const issue of unknown) withoutKeys(value, issue.path, issue.keys);
  }
}
