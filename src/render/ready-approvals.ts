import type { TaskStatus } from "../domain/task-status.ts";
import { inlineCode, login, shortSha, singleLine } from "./markdown.ts";
import { joinMarkdown, markdown, type SafeMarkdown } from "./neutralize-markdown.ts";
import { failedTaskWords, TASK_STATUS_WORDS } from "./task-words.ts";

/** Keys of the comments in this file, as in `comment-keys.ts`. */
export const ReadyApprovalKey = {
  /** The answer to an `/approve` on the issue while the tasks run, by its comment id. */
  answer: (commentId: number): string => `approve-ready-${commentId}`,
};

type Task = { taskId: string; pr: number | null };

/** What an `/approve` on the issue did for one task. */
export type ReadyApproval =
  /** Approved at `sha`, its head. */
  | (Task & { kind: "approved"; sha: string })
  /** Approved at `sha`, but the task is high risk and the approver's permission is not enough to merge it. */
  | (Task & { kind: "needs_maintainer"; sha: string })
  /** Foreman learned of the head `head` after the comment was written (or cannot tell when): it binds to nothing. */
  | (Task & { kind: "unknown_head"; head: string })
  /** The comment names a commit that is not the head `head`. */
  | (Task & { kind: "not_named"; head: string })
  /** Not ready for approval: still in `status` (with `failure`, for a failed one). */
  | (Task & { kind: "not_ready"; status: TaskStatus; failure: string | null });

type Approved = Extract<ReadyApproval, { kind: "approved" }>;
type NotApproved = Exclude<ReadyApproval, { kind: "approved" }>;

function taskName(task: Task): SafeMarkdown {
  const pr = task.pr === null ? markdown`` : markdown` (#${task.pr})`;
  return markdown`**${singleLine(task.taskId)}**${pr}`;
}

function statusWords(approval: Extract<ReadyApproval, { kind: "not_ready" }>): SafeMarkdown {
  if (approval.status === "failed") return failedTaskWords({ failure: approval.failure, ...(approval.pr ? { pr: approval.pr } : {}) });
  return TASK_STATUS_WORDS[approval.status];
}

function notApprovedLine(approval: NotApproved): SafeMarkdown {
  const name = taskName(approval);
  switch (approval.kind) {
    case "needs_maintainer":
      return markdown`- ${name}: approved at ${shortSha(approval.sha)}, but the task is high risk: it merges on the \`/approve\` of a maintainer, an admin, or a user listed in \`approval.highRiskApprovers\`.`;
    case "unknown_head":
      return markdown`- ${name}: its head ${shortSha(approval.head)} may be newer than this comment, so it is not approved; ${inlineCode(`/approve ${approval.head.slice(0, 12)}`)} approves it.`;
    case "not_named":
      return markdown`- ${name}: its head is ${shortSha(approval.head)}, not the commit this comment names.`;
    case "not_ready":
      return markdown`- ${name}: not ready for approval (${statusWords(approval)}).`;
  }
}

/**
 * The answer to a writer's `/approve` on the issue while the tasks run: the heads it approved, and
 * each task it could not approve, with why.
 */
export function renderReadyApprovals(input: { by: string; approvals: readonly ReadyApproval[] }): SafeMarkdown {
  const approved = input.approvals.filter((approval): approval is Approved => approval.kind === "approved");
  const others = input.approvals.filter((approval): approval is NotApproved => approval.kind !== "approved");
  const head =
    approved.length === 0
      ? markdown`The \`/approve\` from ${login(input.by)} approved no task: none was ready for approval at a head it could name.`
      : markdown`The \`/approve\` from ${login(input.by)} approved:\n\n${joinMarkdown(
          approved.map((approval) => markdown`- ${taskName(approval)} at ${shortSha(approval.sha)}`),
          "\n",
        )}`;
  if (others.length === 0) return head;
  return markdown`${head}\n\nNot approved:\n\n${joinMarkdown(others.map(notApprovedLine), "\n")}`;
}
