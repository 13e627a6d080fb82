import { OperatorActor } from "../domain/operator-actor.ts";
import { inlineCode, login } from "./markdown.ts";
import { joinMarkdown, markdown, type SafeMarkdown } from "./neutralize-markdown.ts";

/**
 * Why a whole workflow stopped: a writer's `/cancel`, or its issue closed (as not planned, or
 * otherwise) or deleted. `by` is null when Foreman does not know who (the reconciler found it).
 */
export type WorkflowStop = { kind: "cancel"; by: string } | { kind: "issue"; how: "closed" | "not_planned" | "deleted"; by: string | null };

/** The keys of the comments these texts are posted in (see `CommentKey`). */
export const StopCommentKey = {
  /** On a task's pull request that Foreman closed because the work stopped. */
  pullRequestClosed: "stopped",
  /** On the issue, once per task and head, when someone closed the task's pull request. */
  taskClosed: (taskId: string, headSha: string | null): string => `task-closed-${taskId}-${headSha ?? "none"}`,
  /** On the issue, once per task and head, when its pull request was opened again. */
  taskReopened: (taskId: string, headSha: string): string => `task-reopened-${taskId}-${headSha}`,
};

function byWhom(by: string | null | undefined): SafeMarkdown {
  return by ? markdown` by ${login(by)}` : markdown``;
}

const HOW: Record<Extract<WorkflowStop, { kind: "issue" }>["how"], SafeMarkdown> = {
  closed: markdown`closed`,
  not_planned: markdown`closed as not planned`,
  deleted: markdown`deleted`,
};

/** Who cancelled: a login, or an operator on Foreman's host (`foreman cancel`), who has no login to mention. */
function canceller(by: string): SafeMarkdown {
  const operator = OperatorActor.parse(by);
  return operator === null ? login(by) : markdown`the operator ${inlineCode(operator)}`;
}

function stopCause(stop: WorkflowStop): SafeMarkdown {
  if (stop.kind === "cancel" && OperatorActor.parse(stop.by) !== null)
    return markdown`${canceller(stop.by)} cancelled the work with \`foreman cancel\``;
  if (stop.kind === "cancel") return markdown`${login(stop.by)} cancelled the work with \`/cancel\``;
  return markdown`the issue was ${HOW[stop.how]}${byWhom(stop.by)}`;
}

function capitalised(text: SafeMarkdown): SafeMarkdown {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}` as SafeMarkdown;
}

/** The status comment's note on a stopped workflow: why, what became of the pull requests, and how to start again. */
export function renderWorkflowStopped(stop: WorkflowStop, label: string): SafeMarkdown {
  const again =
    stop.kind === "issue" && stop.how !== "deleted"
      ? markdown`To start again, reopen the issue, then remove and add the ${inlineCode(label)} label.`
      : markdown`To start again, remove and add the ${inlineCode(label)} label.`;
  return markdown`${capitalised(stopCause(stop))}, so Foreman stopped: its open pull requests were closed and their branches kept. ${again}`;
}

/** The note on each task pull request Foreman closed because the work stopped. */
export function renderPullRequestStopped(stop: WorkflowStop, issue: number, branch: string): SafeMarkdown {
  const cause =
    stop.kind === "cancel"
      ? markdown`${canceller(stop.by)} cancelled the work on #${issue}`
      : markdown`#${issue} was ${HOW[stop.how]}${byWhom(stop.by)}`;
  return markdown`Foreman closed this pull request: ${cause}. The branch ${inlineCode(branch)} is kept.`;
}

/**
 * The note on a pull request a task's job opened after the task was stopped: by the whole work
 * stopping (`issue` names it, whose status comment says why), or by someone closing the task's
 * pull request while a fresh attempt was coded.
 */
export function renderPublishedAfterStop(view: { taskId: string; branch: string; workStopped: boolean; issue: number }): SafeMarkdown {
  const what = view.workStopped ? markdown`the work on #${view.issue}` : markdown`task ${inlineCode(view.taskId)}`;
  return markdown`Foreman closed this pull request: ${what} was stopped while it was being coded. The branch ${inlineCode(view.branch)} is kept.`;
}

/** Someone closed a task's pull request without merging it. */
export interface TaskClosedView {
  taskId: string;
  pr: number | null;
  by: string | null | undefined;
  /** The tasks that depend on it, directly or through others, none of which can start now. */
  waiting: readonly string[];
}

function taskList(ids: readonly string[]): SafeMarkdown {
  return joinMarkdown(
    ids.map((id) => inlineCode(id)),
    ", ",
  );
}

function waitingSentence(waiting: readonly string[]): SafeMarkdown {
  if (waiting.length === 0) return markdown`No other task depends on it.`;
  const verb = waiting.length === 1 ? markdown`depends` : markdown`depend`;
  return markdown`${taskList(waiting)} ${verb} on it and will not start.`;
}

function prNamed(pr: number | null, withNumber: boolean): SafeMarkdown {
  return withNumber && pr !== null ? markdown`#${pr}` : markdown`its pull request`;
}

function taskClosedText(view: TaskClosedView, withNumber: boolean): SafeMarkdown {
  const pr = prNamed(view.pr, withNumber);
  const closed = withNumber && view.pr !== null ? markdown` (${pr})` : markdown`'s pull request`;
  return markdown`Task ${inlineCode(view.taskId)}${closed} was closed${byWhom(view.by)}, so Foreman stopped the task. ${waitingSentence(view.waiting)} Reopen ${pr} to go on with the task, or close this issue to stop all the work.`;
}

/** The comment on the issue when a task's pull request was closed: the task stopped, and its dependents wait. */
export function renderTaskClosed(view: TaskClosedView): SafeMarkdown {
  return taskClosedText(view, true);
}

/**
 * The same, kept as the task's note in the workflow and shown in the status comment's notes
 * (neutralised again there, so it names no pull request number, which would lose its link).
 */
export function taskClosedNote(view: TaskClosedView): string {
  return taskClosedText(view, false);
}

/** A task's closed pull request was opened again: the task goes on from its head. */
export function renderTaskReopened(view: { taskId: string; pr: number; by: string | null; waiting: readonly string[] }): SafeMarkdown {
  const next = view.waiting.length === 0 ? markdown`` : markdown` ${taskList(view.waiting)} can start once it is merged.`;
  return markdown`Task ${inlineCode(view.taskId)} (#${view.pr}) was reopened${byWhom(view.by)}, so Foreman goes on with it: CI is read again on its head, and it needs an \`/approve\` before it merges.${next}`;
}
