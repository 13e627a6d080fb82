import type { z } from "zod";
import type { ConfigPath } from "./config-problem.ts";

const EXPECTED_WORDS: Readonly<Record<string, string>> = {
  string: "text",
  int: "a whole number",
  number: "a number",
  boolean: "true or false",
  object: "a mapping of keys to values",
  array: "a list",
};

/** A short, safe description of a value the user wrote. */
function describeValue(value: unknown): string {
  if (value === null) return "nothing (null)";
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  return typeof value;
}

export function valueAt(input: unknown, path: ConfigPath): unknown {
  let current = input;
  for (const segment of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** The message for one zod issue (other than an unknown key), in the user's terms. */
export function issueMessage(issue: z.core.$ZodIssue, value: unknown): string {
  const got = `, got ${describeValue(value)}`;
  switch (issue.code) {
    case "invalid_type":
      return `must be ${EXPECTED_WORDS[issue.expected] ?? issue.expected}${got}`;
    case "invalid_value":
      return `must be one of ${issue.values.map((option) => JSON.stringify(option)).join(", ")}${got}`;
    case "too_small":
      return `${boundWords(issue.origin, "at least", issue.minimum, issue.inclusive)}${got}`;
    case "too_big":
      return `${boundWords(issue.origin, "at most", issue.maximum, issue.inclusive)}${got}`;
    case "custom":
      return `${issue.message}${got}`;
    default:
      return issue.message;
  }
}

function boundWords(origin: string, direction: "at least" | "at most", bound: number | bigint, inclusive = true): string {
  if (origin === "string")
    return bound === 1 && direction === "at least" ? "must not be empty" : `must have ${direction} ${bound} characters`;
  if (origin === "array") return `must have ${direction} ${bound} items`;
  if (inclusive) return `must be ${direction} ${bound}`;
  return `must be ${direction === "at least" ? "more than" : "less than"} ${bound}`;
}
