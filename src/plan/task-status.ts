/** Where one task stands. `pending` means not started yet. */
export type TaskStatus =
  | "pending"
  | "coding"
  | "pr_open"
  | "ci_running"
  | "ready"
  | "approved"
  | "merging"
  | "merged"
  | "failed"
  | "cancelled"
  /** The debugger is reading a CI failure and may push a fix. */
  | "fixing"
  /** The reviewer is reading the green diff. */
  | "reviewing"
  /** The coder is answering review findings or a writer's review. */
  | "revising"
  /** The task's branch is being brought up to date with a moved base. */
  | "rebasing"
  /** Foreman stopped and asked a human; `/retry` or a push continues. */
  | "needs_human";

export const TASK_STATUSES: readonly TaskStatus[] = [
  "pending",
  "coding",
  "pr_open",
  "ci_running",
  "ready",
  "approved",
  "merging",
  "merged",
  "failed",
  "cancelled",
  "fixing",
  "reviewing",
  "revising",
  "rebasing",
  "needs_human",
];

const RUNNING: ReadonlySet<TaskStatus> = new Set<TaskStatus>([
  "coding",
  "pr_open",
  "ci_running",
  "ready",
  "approved",
  "merging",
  "failed",
  "fixing",
  "reviewing",
  "revising",
  "rebasing",
  "needs_human",
]);

/**
 * A running task holds a slot of `maxParallelTasks` and owns its files. A failed task keeps both:
 * its pull request is still open and may turn green again after a fix.
 */
export function isRunning(status: TaskStatus): boolean {
  return RUNNING.has(status);
}
