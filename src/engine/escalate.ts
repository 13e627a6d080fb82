import { CommentKey, renderEscalation } from "../render/index.ts";
import type { Decision } from "./decision.ts";
import type { Effect } from "./effects.ts";
import { check, taskTitle, withTask } from "./task-helpers.ts";
import type { TaskRecord, WorkflowState } from "./types.ts";

export const NEEDS_HUMAN_LABEL = "foreman:needs-human";

/**
 * Stops work on a task and asks a human, saying what was tried and what they can do: `next` is
 * `review` when the review could not be completed (`/retry` reviews again, `/approve` goes on without it).
 */
export function escalate(state: WorkflowState, task: TaskRecord, reason: string, next: "task" | "review" = "task"): Decision {
  const stopped = { ...task, status: "needs_human" as const, failure: reason };
  const body = renderEscalation({
    taskId: task.id,
    title: taskTitle(state, task.id),
    branch: task.branch,
    reason,
    fixAttempts: task.fixAttempts,
    classifications: task.classifications,
    reviewRounds: task.reviewRounds,
    lastError: task.lastError,
    next,
  });
  return {
    state: withTask(state, stopped),
    effects: [
      { type: "label", add: [NEEDS_HUMAN_LABEL], remove: [] },
      { type: "comment", key: CommentKey.needsHuman(task), on: task.pr ? { taskId: task.id } : "issue", body },
      ...(task.headSha ? [check(stopped, task.headSha, "failure", { kind: "needs_human", reason })] : []),
      { type: "update_status" },
    ],
  };
}

/** Removes `foreman:needs-human` when `task`, which a human just answered, was the last task waiting on one. */
export function answeredLabel(state: WorkflowState, task: TaskRecord): Effect[] {
  const others = Object.values(state.tasks).some((other) => other.id !== task.id && other.status === "needs_human");
  return task.status === "needs_human" && !others ? [{ type: "label", add: [], remove: [NEEDS_HUMAN_LABEL] }] : [];
}
