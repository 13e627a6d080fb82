import type { TaskStatus } from "../domain/task-status.ts";
import type { WorkflowState } from "../engine/types.ts";

/** Statuses in which Foreman (or CI on its behalf) moves the task on without anyone's word. */
const FOREMAN_MOVES: ReadonlySet<TaskStatus> = new Set([
  "coding",
  "pr_open",
  "ci_running",
  "merging",
  "fixing",
  "reviewing",
  "revising",
  "rebasing",
]);

/**
 * Whom an open workflow waits on: `human` while it asks a question, waits for the plan's
 * `/approve`, or has no task that Foreman moves on by itself (every running task waits for an
 * `/approve`, a review or a `/retry`); `foreman` otherwise. A workflow that waits on Foreman and
 * does not change for hours is stuck.
 */
export function waitingOn(state: Pick<WorkflowState, "phase" | "tasks">): "foreman" | "human" {
  if (state.phase === "clarifying" || state.phase === "awaiting_approval") return "human";
  if (state.phase !== "executing") return "foreman";
  const tasks = Object.values(state.tasks);
  if (tasks.length === 0) return "foreman";
  return tasks.some((task) => FOREMAN_MOVES.has(task.status)) ? "foreman" : "human";
}
