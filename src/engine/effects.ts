import type { ReplyTarget } from "./events.ts";

/** What the engine asks the outside world to do; performed by the effect runner through ports. */
export type CheckState = "in_progress" | "success" | "failure" | "neutral" | "cancelled";

export type Effect =
  | { type: "run_engineer" }
  | { type: "run_planner" }
  | { type: "start_task"; taskId: string }
  | { type: "update_status" }
  | { type: "comment"; key: string; body: string; on: "issue" | { taskId: string } }
  | { type: "set_check"; taskId: string; sha: string; state: CheckState; title: string; summary: string }
  | { type: "merge_task"; taskId: string; sha: string }
  /** Reads the checks already finished on a commit, in case CI completed before Foreman knew the commit. */
  | { type: "poll_ci"; taskId: string; sha: string }
  | { type: "run_debugger"; taskId: string; sha: string }
  | { type: "rerun_jobs"; taskId: string; sha: string }
  | { type: "run_reviewer"; taskId: string; sha: string }
  | { type: "run_revision"; taskId: string; sha: string; feedback: string; reply: ReplyTarget }
  | { type: "rebase_task"; taskId: string }
  | { type: "label"; add: string[]; remove: string[] }
  | { type: "close_issue" }
  | { type: "close_task_pr"; taskId: string };

export type EffectType = Effect["type"];
