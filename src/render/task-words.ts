import type { TaskStatus } from "../domain/task-status.ts";

/** A task's status in a few words, for checklists and check runs. */
export const TASK_STATUS_WORDS: Readonly<Record<TaskStatus, string>> = {
  pending: "waiting",
  coding: "coding",
  pr_open: "PR open",
  ci_running: "CI running",
  ready: "ready for `/approve`",
  approved: "approved",
  merging: "merging",
  merged: "merged",
  failed: "CI failed",
  cancelled: "cancelled",
  fixing: "fixing a CI failure",
  reviewing: "in review",
  revising: "revising after review",
  rebasing: "updating to the new base",
  needs_human: "**needs a human**",
};
