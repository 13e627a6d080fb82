import { escalationReason } from "../render/index.ts";
import { ignore, type Decision } from "./decision.ts";
import { answeredLabel, escalate } from "./escalate.ts";
import type { EngineEvent } from "./events.ts";
import { afterReady } from "./ready.ts";
import { check, withTask } from "./task-helpers.ts";
import type { TaskRecord, WorkflowState } from "./types.ts";
import { addUsage } from "./usage.ts";

type Of<T extends EngineEvent["type"]> = Extract<EngineEvent, { type: T }>;

/**
 * A reviewer with no usable verdict never counts as "found nothing blocking": the review of the
 * head was not completed, and a human says how to go on (`/retry` or `/approve`).
 */
export function reviewFailed(state: WorkflowState, task: TaskRecord, event: Of<"review_failed">): Decision {
  if (task.status !== "reviewing" || event.sha !== task.headSha) return ignore(state, "review of a commit that is not under review");
  const unreviewed = { ...task, reviewedSha: event.sha, reviewVerdict: "unavailable" as const, usage: addUsage(task.usage, event.usage) };
  const base = { ...withTask(state, unreviewed), usage: addUsage(state.usage, event.usage) };
  return escalate(base, unreviewed, escalationReason.reviewIncomplete(event.reason), "review");
}

/** The task waits on a human because the review of its head could not be completed. */
export function reviewUnavailable(task: TaskRecord): boolean {
  return (
    task.status === "needs_human" && task.reviewVerdict === "unavailable" && task.headSha !== null && task.reviewedSha === task.headSha
  );
}

/** `/retry` on a task whose review could not be completed: the reviewer is asked again (`now` keys the new request). */
export function reviewAgain(state: WorkflowState, task: TaskRecord, now: number): Decision {
  const sha = task.headSha ?? "";
  const reviewing = { ...task, status: "reviewing" as const, failure: null };
  return {
    state: withTask(state, reviewing),
    effects: [
      ...answeredLabel(state, task),
      check(reviewing, sha, "in_progress", { kind: "reviewing" }),
      { type: "run_reviewer", taskId: task.id, sha, run: now },
      { type: "update_status" },
    ],
  };
}

/**
 * `/approve` of the head of a task whose review could not be completed: the writer goes on without
 * the review (CI passed on that head). The task is ready, and merges when the approval is strong enough.
 */
export function approveWithoutReview(state: WorkflowState, task: TaskRecord, approved: TaskRecord): Decision {
  const next = { ...approved, reviewVerdict: null, failure: null };
  const decision = afterReady(withTask(state, next), next);
  return { ...decision, effects: [...answeredLabel(state, task), ...decision.effects] };
}
