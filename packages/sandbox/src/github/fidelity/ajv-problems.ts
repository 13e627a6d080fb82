import type { ErrorObject } from "ajv";
import type { FidelityProblem } from "./problem.ts";
import { escapePointerSegment, renderValue, unescapePointerSegment } from "./problem.ts";

const ALTERNATIVE_KEYWORDS = new Set(["anyOf", "oneOf"]);

/** How GitHub names a request body as a whole in its messages (the endpoint's hyper-schema link). */
export const REQUEST_BODY_ROOT = "links/0/schema";

function isAtOrBelow(error: ErrorObject, parent: ErrorObject): boolean {
  return error.instancePath === parent.instancePath || error.instancePath.startsWith(`${parent.instancePath}/`);
}

function isWithin(error: ErrorObject, parent: ErrorObject): boolean {
  return isAtOrBelow(error, parent) && error.schemaPath.startsWith(`${parent.schemaPath}/`);
}

function branchOf(error: ErrorObject, alternative: ErrorObject): string {
  return error.schemaPath.slice(alternative.schemaPath.length + 1).split("/")[0] ?? "";
}

/** A branch that failed only because the value is of another type altogether. */
function isWrongKind(branchErrors: readonly ErrorObject[], alternative: ErrorObject): boolean {
  return branchErrors.every((error) => error.keyword === "type" && error.instancePath === alternative.instancePath);
}

/** One `type` error naming every type the alternatives would have accepted. */
function mergeTypeErrors(alternative: ErrorObject, branches: readonly ErrorObject[][]): ErrorObject {
  const types = branches.flat().flatMap((error) => String((error.params as { type?: unknown }).type).split(","));
  return { ...alternative, keyword: "type", params: { type: [...new Set(types)].join(",") } };
}

/**
 * The errors that best explain a failed alternative: those of the closest branch (fewest errors)
 * that at least had the right type. Branches reached through `$ref` report their errors outside
 * the alternative's schema path; those are kept by the caller, so the result may be empty.
 */
function explainAlternative(alternative: ErrorObject, errors: readonly ErrorObject[]): ErrorObject[] {
  const byBranch = new Map<string, ErrorObject[]>();
  for (const error of errors) {
    if (error === alternative || !isWithin(error, alternative)) continue;
    byBranch.set(branchOf(error, alternative), [...(byBranch.get(branchOf(error, alternative)) ?? []), error]);
  }
  const branches = [...byBranch.values()];
  const relevant = branches.filter((branch) => !isWrongKind(branch, alternative)).sort((a, b) => a.length - b.length);
  if (relevant[0] !== undefined) return relevant[0];
  const explainedElsewhere = errors.some(
    (error) => error !== alternative && !isWithin(error, alternative) && isAtOrBelow(error, alternative),
  );
  if (explainedElsewhere) return [];
  return branches.length === 0 ? [alternative] : [mergeTypeErrors(alternative, branches)];
}

/**
 * Keeps the errors that explain a failure: for a failed anyOf/oneOf, only the errors of the
 * alternative that came closest, instead of every alternative's complaints.
 */
function simplifyErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const alternatives = errors.filter((error) => ALTERNATIVE_KEYWORDS.has(error.keyword));
  const outermost = alternatives.filter((candidate) => !alternatives.some((other) => other !== candidate && isWithin(candidate, other)));
  const kept = errors.filter((error) => !outermost.some((outer) => error === outer || isWithin(error, outer)));
  for (const outer of outermost) {
    kept.push(...simplifyErrors(explainAlternative(outer, errors)));
  }
  return kept;
}

/** `/tree/0/mode` → `properties/tree/items/properties/mode`, as GitHub names schema locations. */
function schemaLocation(instancePath: string, rootName = REQUEST_BODY_ROOT): string {
  if (instancePath === "") return rootName;
  return instancePath
    .split("/")
    .slice(1)
    .map((segment) => (/^\d+$/.test(segment) ? "items" : `properties/${unescapePointerSegment(segment)}`))
    .join("/");
}

function valueAt(data: unknown, pointer: string): unknown {
  let current = data;
  for (const segment of pointer.split("/").slice(1)) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[unescapePointerSegment(segment)];
  }
  return current;
}

function typeName(type: string): string {
  if (type === "null") return "null";
  return `${/^[aeiou]/.test(type) ? "an" : "a"} ${type}`;
}

function describeType(type: unknown): string {
  const types = Array.isArray(type) ? type.map(String) : String(type).split(",");
  return types.map(typeName).join(" or ");
}

function prefixed(instancePath: string, text: string): string {
  return instancePath === "" ? text : `For '${schemaLocation(instancePath)}', ${text}`;
}

function messageFor(error: ErrorObject, value: unknown, rootName: string): { pointer: string; message: string } {
  const where = `For '${schemaLocation(error.instancePath, rootName)}', ${renderValue(value)}`;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required": {
      const key = String(params["missingProperty"]);
      return {
        pointer: `${error.instancePath}/${escapePointerSegment(key)}`,
        message: prefixed(error.instancePath, `"${key}" wasn't supplied.`),
      };
    }
    case "additionalProperties": {
      const key = String(params["additionalProperty"]);
      return {
        pointer: `${error.instancePath}/${escapePointerSegment(key)}`,
        message: prefixed(error.instancePath, `"${key}" is not a permitted key.`),
      };
    }
    case "type":
      return { pointer: error.instancePath, message: `${where} is not ${describeType(params["type"])}.` };
    case "enum": {
      const allowed = (params["allowedValues"] as unknown[]).map((item) => JSON.stringify(item)).join(", ");
      return { pointer: error.instancePath, message: `${where} is not a member of [${allowed}].` };
    }
    case "format":
      return { pointer: error.instancePath, message: `${where} is not a valid ${String(params["format"])}.` };
    case "anyOf":
    case "oneOf":
      return { pointer: error.instancePath, message: `${where} does not match any of the allowed forms.` };
    default:
      return { pointer: error.instancePath, message: `${where} ${error.message ?? "is invalid"}.` };
  }
}

/**
 * Turns ajv's errors for `data` into GitHub-worded problems at `location`. `rootName` names the
 * value as a whole in messages (GitHub says `links/0/schema` for a request body).
 */
export function problemsFromAjv(
  errors: readonly ErrorObject[] | null | undefined,
  data: unknown,
  location: FidelityProblem["location"],
  rootName: string = REQUEST_BODY_ROOT,
): FidelityProblem[] {
  const simplified = simplifyErrors(errors ?? []);
  // Never hide a failure: if simplification left nothing, report ajv's raw errors.
  const chosen = simplified.length > 0 ? simplified : (errors ?? []);
  const problems = chosen.map((error) => ({
    location,
    ...messageFor(error, valueAt(data, error.instancePath), rootName),
  }));
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.pointer}\u0000${problem.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
