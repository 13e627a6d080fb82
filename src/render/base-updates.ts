import type { MergeRefusal } from "../domain/merge-refusal.ts";
import type { CheckRunOutput } from "./check-run-output.ts";
import { inlineCode } from "./markdown.ts";
import {
  joinMarkdown,
  markdown,
  neutralizeMarkdown,
  neutralizePlainText,
  plainText,
  type SafeMarkdown,
  type SafePlainText,
} from "./neutralize-markdown.ts";

/** The keys of the comments in this file (see `CommentKey`). */
export const BaseUpdateKey = {
  /** On a task's pull request, once per head and cause, when its merge was refused (or waits on the base branch's rules: `requirements`). */
  mergeRefused: (taskId: string, sha: string, cause: MergeRefusal): string => `merge-refused-${taskId}-${sha}-${cause}`,
  /** On a task's pull request, once per new head, when the coder wrote conflicting files again on a moved base. */
  conflictRecoded: (taskId: string, sha: string): string => `conflict-recoded-${taskId}-${sha}`,
};

/** How a task's branch came up to date with its base, as the `Foreman` check on the new head says it. */
export type BaseUpdateHow = "github" | "merged" | "recoded" | "reapplied";

/** The `Foreman` check on a head that conflicts with its base (or is behind it), while Foreman brings the branch up to date. */
export function renderUpdatingCheck(): CheckRunOutput {
  return {
    title: "Updating to the base branch",
    summary: markdown`The base branch moved and this head conflicts with it (or lacks its commits), so it is not offered for \`/approve\` nor merged. Foreman is merging the base into the branch; CI then runs on the merge.`,
  };
}

const KEPT = markdown`An \`/approve\` given for the previous head still holds: the merge changed nothing of the task's own.`;

/** The `Foreman` check on the head that brought the branch up to date, while CI runs on it. */
export function renderUpdatedCheck(how: BaseUpdateHow, approvalKept: boolean): CheckRunOutput {
  const kept = approvalKept ? markdown` ${KEPT}` : markdown``;
  switch (how) {
    case "github":
      return {
        title: "Waiting for CI",
        summary: markdown`GitHub merged the moved base branch into this branch, without conflicts; CI runs on the merge.${kept}`,
      };
    case "merged":
      return {
        title: "Waiting for CI",
        summary: markdown`Foreman merged the moved base branch into this branch file by file, keeping the changes made on both sides, without conflicts; CI runs on the merge.${kept}`,
      };
    case "recoded":
    case "reapplied":
      return {
        title: "Waiting for CI",
        summary: markdown`The moved base branch conflicted with this task's changes; the coder wrote them again on the new base, keeping the base's changes. CI runs again, and a new \`/approve\` is needed.`,
      };
  }
}

/** The comment on a task's pull request when the coder resolved a conflict with the moved base: what changed, and that the approval must be given again. */
export function renderConflictRecoded(conflicts: readonly string[]): SafeMarkdown {
  const files = joinMarkdown(
    conflicts.map((path) => inlineCode(path)),
    ", ",
  );
  return markdown`The base branch moved, and its changes conflicted with this task's in ${files}. Foreman merged the base into this branch (its history is kept) and had the coder write those files again on the new base, keeping the changes made there. Please look at the new commit: CI runs on it, and a new \`/approve\` is needed.`;
}

const NEXT_STEP: Readonly<Record<Exclude<MergeRefusal, "conflict" | "behind" | "head_moved" | "requirements">, SafeMarkdown>> = {
  method: markdown`The repository (or its rules) does not allow how Foreman merged: set \`merge.method\` in \`.github/foreman.yml\` to a method it allows (\`squash\`, \`rebase\` or \`merge\`), or \`merge.mode\` to \`auto\` where merges must go through the merge queue, then comment \`/approve\` again.`,
  queue: markdown`Look at why the queue removed it (a failed check in the merge group, say), then comment \`/approve\` to queue it again, or push a fix.`,
  unknown: markdown`Foreman does not know this reason, so it stopped. Once it is dealt with, comment \`/approve\` again.`,
};

/** The comment on a task's pull request when its merge was refused for a reason a human must deal with. */
export function renderMergeRefused(input: {
  taskId: string;
  cause: Exclude<MergeRefusal, "conflict" | "behind" | "head_moved" | "requirements">;
  reason: string;
}): SafeMarkdown {
  const what = input.cause === "queue" ? markdown`The merge queue removed` : markdown`GitHub refused to merge`;
  return markdown`${what} task ${inlineCode(input.taskId)}'s pull request: ${neutralizeMarkdown(input.reason.trim())}\n\n${NEXT_STEP[input.cause]} The approval given before no longer counts.`;
}

/** The message of the merge commit Foreman makes when GitHub could not merge the moved base into a task's branch. */
export function renderBaseMergeMessage(input: { issue: number; title: string; base: string; baseBranch: string }): SafePlainText {
  return plainText`Merge ${neutralizePlainText(input.baseBranch)} (${neutralizePlainText(input.base.slice(0, 7))}) into ${neutralizePlainText(input.title)}\n\nThe base branch moved; its changes and the task's are both kept.\n\nPart of #${input.issue}.`;
}

/** Why bringing a task's branch up to date stopped, kept as the task's failure (neutralised where posted). */
export const baseUpdateReason = {
  branchGone: (): string => "The task's branch is gone, so it cannot be brought up to date with the base branch.",
};
