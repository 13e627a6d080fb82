import type { TaskStatus } from "../domain/task-status.ts";
import { FAILING_CHECKS } from "./check-run-output.ts";
import { singleLine } from "./markdown.ts";
import { markdown, type SafeMarkdown } from "./neutralize-markdown.ts";

/** A task's status in a few words, for the status comment's checklist (a failed one: see `failedTaskWords`). */
export const TASK_STATUS_WORDS: Readonly<Record<TaskStatus, SafeMarkdown>> = {
  pending: markdown`waiting`,
  coding: markdown`coding`,
  pr_open: markdown`PR open`,
  ci_running: markdown`CI running`,
  ready: markdown`ready for \`/approve\``,
  approved: markdown`approved`,
  merging: markdown`merging`,
  merged: markdown`merged`,
  failed: markdown`failed`,
  cancelled: markdown`cancelled`,
  fixing: markdown`fixing a CI failure`,
  reviewing: markdown`in review`,
  revising: markdown`revising after review`,
  rebasing: markdown`updating to the new base`,
  needs_human: markdown`**needs a human**`,
};

const CAUSE_CHARS = 80;

/**
 * A failed task in a few words, by what failed: `CI failed` only when its checks did, otherwise the
 * first clause of its failure (`failed: could not be coded`, `failed: removed from the merge
 * queue`), and whether it ever had a pull request when nothing else is known.
 */
export function failedTaskWords(task: { failure?: string | null; pr?: number }): SafeMarkdown {
  const failure = task.failure?.trim() ?? "";
  if (failure.startsWith(FAILING_CHECKS)) return markdown`CI failed`;
  const cause = firstClause(failure);
  if (cause !== "") return markdown`failed: ${singleLine(cause)}`;
  return task.pr === undefined ? markdown`failed before a pull request was opened` : markdown`failed`;
}

/** The first line of a failure up to its first colon, without a leading "Task `id`", lower-cased and cut at a word. */
function firstClause(failure: string): string {
  const line = (failure.split("\n")[0] ?? "").replace(/^Task `[^`]*` /, "");
  const clause = (line.split(/:\s/)[0] ?? "").replace(/[.;,\s]+$/, "");
  const lower = clause.charAt(0).toLowerCase() + clause.slice(1);
  if (lower.length <= CAUSE_CHARS) return lower;
  return `${lower.slice(0, CAUSE_CHARS).replace(/\s+\S*$/, "")}…`;
}
