import type { MergeRequirements } from "../ports/github-types.ts";
import { inlineCode } from "./markdown.ts";
import { markdown, neutralizeMarkdown, type SafeMarkdown } from "./neutralize-markdown.ts";

/** Names as a list a person reads (`@a`, `@b and @c`); written so that they notify no one where posted. */
const names = (logins: readonly string[]): string => {
  const named = logins.map((login) => `@${login}`);
  return named.length <= 1 ? named.join("") : `${named.slice(0, -1).join(", ")} and ${named.at(-1) ?? ""}`;
};

/**
 * What GitHub's rules for the base branch still want before a pull request may merge, in a few
 * words ("an approving review from a code owner (@alice)"), or null when no review is missing.
 */
export function missingReviews(requirements: MergeRequirements): string | null {
  const { reviewDecision, codeOwners } = requirements;
  if (reviewDecision === "CHANGES_REQUESTED") {
    return "the changes a reviewer requested resolved: their approving review, or their review dismissed";
  }
  if (reviewDecision !== "REVIEW_REQUIRED") return null;
  if (codeOwners.length > 0) return `an approving review from a code owner (${names(codeOwners)})`;
  return "an approving review from someone with write access";
}

/** The task's line in the status comment while GitHub's rules hold its merge back. */
export function renderAwaitingWords(missing: string): SafeMarkdown {
  return markdown`approved; GitHub's rules want: ${neutralizeMarkdown(missing.split("\n")[0] ?? "")}`;
}

/**
 * The comment on a task's pull request when Foreman's approval is given but GitHub's rules for the
 * base branch want more (a review, a check): what is missing, and that Foreman merges once it is there.
 */
export function renderMergeWaiting(input: { taskId: string; missing: string }): SafeMarkdown {
  return markdown`Task ${inlineCode(input.taskId)} is approved, but the base branch's rules want more before it can merge: ${neutralizeMarkdown(input.missing.trim())}.\n\nForeman merges it as soon as that is given (an approving review or a finished check has it try again; so does \`/retry\`). Nothing needs to be coded again.`;
}
