import type { TaskStatus } from "../domain/task-status.ts";
import { FAILING_CHECKS } from "./check-run-output.ts";
import { singleLine } from "./markdown.ts";
import { markdown, type SafeMarkdown } from "./neutralize-markdown.ts";

/** A task's step in a few words, where a comment answers about that task now (a failed one: see `failedTaskWords`). */
export const TASK_STEP_WORDS: Readonly<Record<TaskStatus, SafeMarkdown>> = {
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

/** The words of a pull request that goes through CI and review on its own: its `Foreman` check run shows each step. */
const IN_PROGRESS = markdown`in progress`;

/**
 * A task's status in the status comment's checklist. The checklist shows milestones: the steps a pull
 * request goes through on its own (CI, review, a revision, an update to the base) read the same, as the
 * comment is edited only when its words change; the task's `Foreman` check run says which step it is in.
 */
export const TASK_STATUS_WORDS: Readonly<Record<TaskStatus, SafeMarkdown>> = {
  ...TASK_STEP_WORDS,
  pr_open: IN_PROGRESS,
  ci_running: IN_PROGRESS,
  reviewing: IN_PROGRESS,
  revising: IN_PROGRESS,
  rebasing: IN_PROGRESS,
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
