import type { z } from "zod";
import type { ScenarioProblem } from "./scenario-error.ts";

type Issue = z.core.$ZodIssue;

const TYPE_NAMES: Record<string, string> = {
  string: "a string",
  number: "a number",
  int: "an integer",
  boolean: "true or false",
  object: "a mapping",
  record: "a mapping",
  array: "a list",
  null: "null",
};

/**
 * Turns zod issues into problems a maintainer can act on. Parse with `reportInput: true` so that
 * a missing key reads as "required".
 */
export function problemsFromIssues(issues: readonly Issue[]): ScenarioProblem[] {
  return issues.flatMap((issue) => {
    const path = issue.path.map((segment) => (typeof segment === "symbol" ? String(segment) : segment));
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ path: [...path, key], message: "unknown key" }));
    }
    return [{ path, message: messageFor(issue) }];
  });
}

function messageFor(issue: Issue): string {
  const missing = "input" in issue && issue.input === undefined;
  switch (issue.code) {
    case "invalid_type":
      return missing ? "required" : `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}, got ${describe(issue.input)}`;
    case "invalid_value":
      return issue.values.length === 1
        ? `expected ${JSON.stringify(issue.values[0])}`
        : `expected one of: ${issue.values.map((value) => String(value)).join(", ")}`;
    case "invalid_union":
      return unionMessage(issue, missing);
    case "too_small":
      return sizeMessage(issue.origin, "at least", issue.minimum, issue.inclusive);
    case "too_big":
      return sizeMessage(issue.origin, "at most", issue.maximum, issue.inclusive);
    case "invalid_key":
      return `invalid key: ${issue.issues.map((inner) => messageFor(inner)).join("; ")}`;
    case "not_multiple_of":
      return `expected a multiple of ${String(issue.divisor)}`;
    default:
      return issue.message;
  }
}

function unionMessage(issue: z.core.$ZodIssueInvalidUnion, missing: boolean): string {
  if (missing) return "required";
  if (issue.discriminator !== undefined && "options" in issue && issue.options) {
    return `expected one of: ${issue.options.map((option) => String(option)).join(", ")}`;
  }
  return issue.message === "Invalid input" ? "does not match any allowed form" : issue.message;
}

function sizeMessage(origin: string, bound: "at least" | "at most", limit: number | bigint, inclusive?: boolean): string {
  const value = Number(limit);
  if (origin === "array" || origin === "set") return `expected ${bound} ${value} item${value === 1 ? "" : "s"}`;
  if (origin === "string") {
    if (bound === "at least" && value === 1) return "must not be empty";
    return `expected ${bound} ${value} character${value === 1 ? "" : "s"}`;
  }
  if (inclusive === false) return `must be ${bound === "at least" ? "greater" : "less"} than ${value}`;
  return `must be ${bound} ${value}`;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  switch (typeof value) {
    case "string":
      return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
    case "number":
      return Number.isInteger(value) ? `the integer ${value}` : `the number ${value}`;
    case "boolean":
      return String(value);
    case "object":
      return "a mapping";
    default:
      return typeof value;
  }
}
