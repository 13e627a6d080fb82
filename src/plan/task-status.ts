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
  | "cancelled";

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
];

const RUNNING: ReadonlySet<TaskStatus> = new Set<TaskStatus>(["coding", "pr_open", "ci_running", "ready", "approved", "merging", "failed"]);

/**
 * A running task holds a slot of `maxParallelTasks` and owns its files. A failed task keeps both:
 * its pull request is still open and may turn green again after a fix.
 */
export function isRunning(status: TaskStatus): boolean {
  return RUNNING.has(status);
}
