import { isFinished } from "../domain/task-status.ts";
import {
  renderPublishedAfterStop,
  renderPullRequestStopped,
  renderTaskClosed,
  renderTaskReopened,
  renderWorkflowStopped,
  StopCommentKey,
  taskClosedNote,
  type WorkflowStop,
} from "../render/stopped.ts";
import { ignore, type Decision } from "./decision.ts";
import { NEEDS_HUMAN_LABEL } from "./decide-qa.ts";
import type { Effect } from "./effects.ts";
import type { EngineEvent } from "./events.ts";
import { startReadyTasks } from "./schedule.ts";
import { check, withTask } from "./task-helpers.ts";
import type { TaskRecord, WorkflowState } from "./types.ts";
import { addUsage } from "./usage.ts";

type Of<T extends EngineEvent["type"]> = Extract<EngineEvent, { type: T }>;

/** The tasks that wait for `taskId`: those that depend on it, directly or through other tasks, in plan order. */
function dependentsOf(state: WorkflowState, taskId: string): string[] {
  const tasks = state.plan?.tasks ?? [];
  const waiting = new Set([taskId]);
  for (let grew = true; grew;) {
    grew = false;
    for (const task of tasks) {
      if (waiting.has(task.id) || !task.dependsOn.some((id) => waiting.has(id))) continue;
      waiting.add(task.id);
      grew = true;
    }
  }
  return tasks.map((task) => task.id).filter((id) => id !== taskId && waiting.has(id));
}

/** Removes `foreman:needs-human` when `except` was the last task that needed a human. */
function needsHumanLabelGone(state: WorkflowState, except: TaskRecord | null): Effect[] {
  const others = Object.values(state.tasks).filter((task) => task.id !== except?.id && task.status === "needs_human");
  const had = except === null ? others.length > 0 : except.status === "needs_human" && others.length === 0;
  return had ? [{ type: "label", add: [], remove: [NEEDS_HUMAN_LABEL] }] : [];
}

/**
 * Ends the workflow: every task not merged (or already cancelled) is cancelled, each open task pull
 * request gets a note and is closed (its branch is kept), and the status comment says why. When the
 * issue is gone, nothing is written to it.
 */
function stopWorkflow(state: WorkflowState, stop: WorkflowStop, now: number): Decision {
  const onIssue = !(stop.kind === "issue" && stop.how === "deleted");
  const stopped = Object.values(state.tasks).filter((task) => !isFinished(task.status));
  const tasks = { ...state.tasks };
  for (const task of stopped) tasks[task.id] = { ...task, status: "cancelled", failure: null };
  const closes = stopped
    .filter((task) => task.pr !== null)
    .flatMap((task): Effect[] => [
      {
        type: "comment",
        key: StopCommentKey.pullRequestClosed,
        on: { taskId: task.id },
        body: renderPullRequestStopped(stop, state.issue, task.branch),
      },
      { type: "close_task_pr", taskId: task.id },
    ]);
  const issueEffects: Effect[] = onIssue ? [{ type: "update_status" }, ...needsHumanLabelGone(state, null)] : [];
  return {
    state: { ...state, tasks, phase: "cancelled", finishedAt: now, failure: renderWorkflowStopped(stop, state.config.label) },
    effects: [...issueEffects, ...closes],
  };
}

/** A writer's `/cancel` on the issue. */
export function cancel(state: WorkflowState, event: Of<"cancel">, now: number): Decision {
  return stopWorkflow(state, { kind: "cancel", by: event.by }, now);
}

/** The issue was closed (however) or deleted: the work stops. */
export function issueClosed(state: WorkflowState, event: Of<"issue_closed">, now: number): Decision {
  return stopWorkflow(state, { kind: "issue", how: event.how, by: event.by }, now);
}

/**
 * Someone closed a task's pull request without merging it (or `/cancel` on it): the task is
 * cancelled, and the issue is told who closed it, which tasks now wait for it and how to go on.
 * A slot it held may start another task. A close of another pull request of the same branch (an
 * earlier workflow's) is not this task's.
 */
export function closeTask(state: WorkflowState, task: TaskRecord, event: Of<"task_closed">, now: number): Decision {
  if (event.pr !== undefined && task.pr !== null && event.pr !== task.pr) return ignore(state, "a pull request that is not the task's");
  const view = { taskId: task.id, pr: task.pr ?? event.pr ?? null, by: event.by, waiting: dependentsOf(state, task.id) };
  const next: TaskRecord = { ...task, status: "cancelled", failure: taskClosedNote(view) };
  const scheduled = startReadyTasks(withTask(state, next), now);
  const comment: Effect = {
    type: "comment",
    key: StopCommentKey.taskClosed(task.id, task.headSha),
    on: "issue",
    body: renderTaskClosed(view),
  };
  return { state: scheduled.state, effects: [...scheduled.effects, ...needsHumanLabelGone(state, task), comment] };
}

/**
 * A task's pull request, closed by someone, was opened again: the task goes on from the pull
 * request's head as if it had just been pushed (CI read again, a new `/approve` needed).
 */
export function taskReopened(state: WorkflowState, task: TaskRecord, event: Of<"task_reopened">, now: number): Decision {
  if (task.status !== "cancelled") return ignore(state, `reopened a task that is ${task.status}`);
  if (task.pr !== event.pr) return ignore(state, "a pull request that is not the task's");
  const next: TaskRecord = {
    ...task,
    status: "ci_running",
    headSha: event.sha,
    headSeenAt: now,
    approvedSha: null,
    approvedBy: null,
    approvedPermission: null,
    failure: null,
  };
  const body = renderTaskReopened({ taskId: task.id, pr: event.pr, by: event.by, waiting: dependentsOf(state, task.id) });
  return {
    state: withTask(state, next),
    effects: [
      check(next, event.sha, "in_progress", { kind: "waiting_for_ci" }),
      { type: "poll_ci", taskId: task.id, sha: event.sha },
      { type: "update_status" },
      { type: "comment", key: StopCommentKey.taskReopened(task.id, event.sha), on: "issue", body },
    ],
  };
}

/**
 * A task's job opened a pull request after the task was cancelled (the stop landed between its
 * last check and its writes): the pull request is closed with a note, its branch kept, and the
 * model's cost is counted. The status comment is left as it is (the issue may be gone).
 */
export function publishedAfterStop(state: WorkflowState, task: TaskRecord, event: Of<"task_published">): Decision {
  if (task.status !== "cancelled" || event.pr === task.pr) return ignore(state, "task already published");
  const next: TaskRecord = {
    ...task,
    pr: event.pr,
    prNodeId: event.prNodeId,
    headSha: event.headSha,
    ownCommits: [...task.ownCommits, event.headSha],
    usage: addUsage(task.usage, event.usage),
  };
  return {
    state: { ...withTask(state, next), usage: addUsage(state.usage, event.usage) },
    effects: [
      {
        type: "comment",
        key: StopCommentKey.pullRequestClosed,
        on: { taskId: task.id },
        body: renderPublishedAfterStop({
          taskId: task.id,
          branch: task.branch,
          workStopped: state.phase === "cancelled",
          issue: state.issue,
        }),
      },
      { type: "close_task_pr", taskId: task.id },
    ],
  };
}

/** An event for a workflow that has ended: only a pull request opened after a cancellation is acted on (closed). */
export function afterEnd(state: WorkflowState, event: EngineEvent): Decision {
  const task = event.type === "task_published" ? state.tasks[event.taskId] : undefined;
  if (state.phase === "cancelled" && event.type === "task_published" && task) return publishedAfterStop(state, task, event);
  return ignore(state, `workflow is ${state.phase}`);
}
