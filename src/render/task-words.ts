import type { TaskStatus } from "../domain/task-status.ts";
import { markdown, type SafeMarkdown } from "./neutralize-markdown.ts";

/** A task's status in a few words, for the status comment's checklist. */
export const TASK_STATUS_WORDS: Readonly<Record<TaskStatus, SafeMarkdown>> = {
  pending: markdown`waiting`,
  coding: markdown`coding`,
  pr_open: markdown`PR open`,
  ci_running: markdown`CI running`,
  ready: markdown`ready for \`/approve\``,
  approved: markdown`approved`,
  merging: markdown`merging`,
  merged: markdown`merged`,
  failed: markdown`CI failed`,
  cancelled: markdown`cancelled`,
  fixing: markdown`fixing a CI failure`,
  reviewing: markdown`in review`,
  revising: markdown`revising after review`,
  rebasing: markdown`updating to the new base`,
  needs_human: markdown`**needs a human**`,
};
