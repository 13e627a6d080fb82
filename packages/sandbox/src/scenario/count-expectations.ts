import { z } from "zod";
import { Login } from "./primitives.ts";
import { CommentTarget } from "./steps.ts";

const Count = z.int().min(0);

/** The author word that stands for the app under test's bot account, whatever its login. */
export const APP_AUTHOR = "app";

/**
 * How many comments a place holds: the issue or a task's pull request (its conversation, not
 * review comments), optionally only one author's and only those containing a text.
 */
export const CommentCountExpectation = z
  .strictObject({
    on: CommentTarget.default("issue"),
    /** A login, or `app` for the app under test's bot account; all authors when omitted. */
    author: Login.optional(),
    /** Only comments containing this text count. */
    contains: z.string().min(1).optional(),
    /** Exactly this many. */
    count: Count.optional(),
    atLeast: Count.optional(),
    atMost: Count.optional(),
  })
  .superRefine((expected, context) => {
    const { count, atLeast, atMost } = expected;
    if (count === undefined && atLeast === undefined && atMost === undefined) {
      context.addIssue({ code: "custom", message: "expected count, atLeast or atMost" });
    }
    if (count !== undefined && (atLeast !== undefined || atMost !== undefined)) {
      context.addIssue({ code: "custom", path: ["count"], message: "give count, or atLeast and/or atMost, not both" });
    }
    if (atLeast !== undefined && atMost !== undefined && atLeast > atMost) {
      context.addIssue({ code: "custom", path: ["atMost"], message: `is less than atLeast (${atLeast})` });
    }
  });
export type CommentCountExpectation = z.infer<typeof CommentCountExpectation>;

/** What the app may create only once (its idempotency), each checked by `expect.noDuplicates`. */
export const DUPLICATE_KINDS = ["pullRequests", "comments", "commits", "checkRuns", "reviews"] as const;
export const DuplicateKind = z.enum(DUPLICATE_KINDS);
export type DuplicateKind = z.infer<typeof DuplicateKind>;

/** true: every kind; false: none; a list: those kinds. */
export const NoDuplicates = z.union([z.boolean(), z.array(DuplicateKind).min(1)], {
  error: `expected true, false or a list of: ${DUPLICATE_KINDS.join(", ")}`,
});
export type NoDuplicates = z.infer<typeof NoDuplicates>;

/** The kinds `noDuplicates` asks to check. */
export function duplicateKinds(value: NoDuplicates | undefined): DuplicateKind[] {
  if (value === undefined || value === false) return [];
  return value === true ? [...DUPLICATE_KINDS] : [...new Set(value)];
}
