import { ignore, type Decision } from "./decision.ts";
import type { EngineEvent } from "./events.ts";
import type { Effect } from "./effects.ts";
import { startReadyTasks } from "./schedule.ts";
import type { TaskRecord, WorkflowState } from "./types.ts";
import { addUsage } from "./usage.ts";

type Of<T extends EngineEvent["type"]> = Extract<EngineEvent, { type: T }>;

const withTask = (state: WorkflowState, task: TaskRecord): WorkflowState => ({
  ...state,
  tasks: { ...state.tasks, [task.id]: task },
});

const check = (task: TaskRecord, sha: string, state: Extract<Effect, { type: "set_check" }>["state"], title: string, summary: string): Effect => ({
  type: "set_check",
  taskId: task.id,
  sha,
  state,
  title,
  summary,
});

export function taskPublished(state: WorkflowState, task: TaskRecord, event: Of<"task_published">): Decision {
  if (task.status !== "coding") return ignore(state, "task already published");
  // An approval given before the workflow learned of its pull request stands only for this head.
  const kept = task.approvedSha === event.headSha;
  const next = {
    ...task,
    status: "ci_running" as const,
    pr: event.pr,
    prNodeId: event.prNodeId,
    headSha: event.headSha,
    approvedSha: kept ? task.approvedSha : null,
    approvedBy: kept ? task.approvedBy : null,
  };
  return {
    state: { ...withTask(state, next), usage: addUsage(state.usage, event.usage) },
    effects: [
      check(next, event.headSha, "in_progress", "Waiting for CI", "The repository's checks are running on this commit."),
      { type: "poll_ci", taskId: task.id, sha: event.headSha },
      { type: "update_status" },
    ],
  };
}

export function taskFailed(state: WorkflowState, task: TaskRecord, event: Of<"task_failed">): Decision {
  if (task.status !== "coding") return ignore(state, "coding result for a task that is not being coded");
  const next = { ...task, status: "failed" as const, failure: event.reason };
  return {
    state: { ...withTask(state, next), usage: addUsage(state.usage, event.usage) },
    effects: [{ type: "update_status" }, { type: "comment", key: `task-failed-${task.id}-${task.attempts}`, on: "issue", body: event.reason }],
  };
}

export function ciCompleted(state: WorkflowState, task: TaskRecord, event: Of<"ci_completed">): Decision {
  if (event.sha !== task.headSha) return ignore(state, "CI result for an old commit");
  if (task.status !== "ci_running" && task.status !== "failed") return ignore(state, "task is not waiting for CI");
  if (event.conclusion === "failure") {
    const next = { ...task, status: "failed" as const, failure: event.summary };
    return {
      state: withTask(state, next),
      effects: [check(next, event.sha, "failure", "CI failed", event.summary), { type: "update_status" }],
    };
  }
  const next = { ...task, status: "ready" as const, failure: null };
  return afterReady(withTask(state, next), next);
}

/** A green task merges once it holds an approval for its current head; otherwise it waits for one. */
function afterReady(state: WorkflowState, task: TaskRecord): Decision {
  const sha = task.headSha ?? "";
  if (task.approvedSha === sha) {
    const merging = { ...task, status: "merging" as const };
    return {
      state: withTask(state, merging),
      effects: [
        check(merging, sha, "success", "Approved", `Approved by @${task.approvedBy ?? "a maintainer"} for ${sha.slice(0, 7)}.`),
        { type: "merge_task", taskId: task.id, sha },
        { type: "update_status" },
      ],
    };
  }
  return {
    state,
    effects: [
      check(task, sha, "in_progress", "Ready for approval", "CI is green. A maintainer can comment `/approve` on this pull request."),
      { type: "update_status" },
    ],
  };
}

export function approveTask(state: WorkflowState, task: TaskRecord, event: Of<"approve_task">): Decision {
  if (task.status === "merged" || task.status === "merging") return ignore(state, "task already merging");
  // Before the pull request is published here, the approval is kept and checked against the published head.
  const unpublished = task.status === "coding" && task.headSha === null;
  if (!unpublished && event.sha !== task.headSha) return ignore(state, "approval for a commit that is not the head");
  const approved = { ...task, approvedSha: event.sha, approvedBy: event.by };
  if (task.status !== "ready") return { state: withTask(state, approved), effects: [{ type: "update_status" }] };
  return afterReady(withTask(state, approved), approved);
}

/** A push moves the head of a task only while its pull request is open and not yet merged. */
const MOVABLE = new Set<TaskRecord["status"]>(["pr_open", "ci_running", "ready", "approved", "merging", "failed"]);

export function headChanged(state: WorkflowState, task: TaskRecord, event: Of<"head_changed">): Decision {
  if (event.sha === task.headSha) return ignore(state, "head unchanged");
  if (task.headSha === null || !MOVABLE.has(task.status)) return ignore(state, `push to a task that is ${task.status}`);
  const voided = task.approvedSha !== null;
  const next = { ...task, headSha: event.sha, approvedSha: null, approvedBy: null, status: "ci_running" as const };
  const effects: Effect[] = [
    check(task, task.headSha, "neutral", "Superseded", `A newer commit (${event.sha.slice(0, 7)}) is the head of this pull request.`),
    check(next, event.sha, "in_progress", "Waiting for CI", "A new commit was pushed; CI runs again and a new `/approve` is needed."),
    { type: "update_status" },
  ];
  if (voided) {
    effects.push({
      type: "comment",
      key: `approval-voided-${task.id}-${event.sha}`,
      on: { taskId: task.id },
      body: `A new commit (${event.sha.slice(0, 7)}) was pushed by @${event.by} after the approval, so the approval no longer applies. Comment \`/approve\` again once CI is green.`,
    });
  }
  return { state: withTask(state, next), effects };
}

export function taskMerged(state: WorkflowState, task: TaskRecord, now: number): Decision {
  if (task.status === "merged") return ignore(state, "task already merged");
  const next = { ...task, status: "merged" as const, mergedAt: now };
  return startReadyTasks(withTask(state, next), now);
}

export function taskDequeued(state: WorkflowState, task: TaskRecord, event: Of<"task_dequeued">): Decision {
  if (task.status !== "merging") return ignore(state, "task was not merging");
  const next = { ...task, status: "failed" as const, failure: `Removed from the merge queue: ${event.reason}` };
  return { state: withTask(state, next), effects: [{ type: "update_status" }] };
}

export function taskClosed(state: WorkflowState, task: TaskRecord): Decision {
  if (task.status === "merged" || task.status === "cancelled") return ignore(state, "task already finished");
  const next = { ...task, status: "cancelled" as const };
  return { state: withTask(state, next), effects: [{ type: "update_status" }] };
}
