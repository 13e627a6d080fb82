import type { RepoConfig } from "../config/index.ts";
import type { Plan } from "../plan/index.ts";
import type { RepoRef, Usage } from "./types.ts";

/** What happened, in domain words: from webhooks (after permission checks) or from finished work. */
export type EngineEvent =
  | {
      type: "start";
      ref: RepoRef;
      issue: number;
      issueTitle: string;
      requester: string;
      config: RepoConfig;
      defaultBranch: string;
    }
  | { type: "engineer_done"; outcome: { kind: "brief"; brief: string } | { kind: "questions"; questions: string[] }; usage: Usage }
  | { type: "reply"; author: string; body: string }
  | { type: "plan_done"; plan: Plan; notes: string[]; usage: Usage }
  | { type: "plan_failed"; problems: string[]; usage: Usage }
  | { type: "agent_failed"; role: string; reason: string; usage: Usage }
  | { type: "approve_plan"; by: string }
  | { type: "replan"; by: string; feedback: string }
  | { type: "task_published"; taskId: string; pr: number; prNodeId: string; headSha: string; usage: Usage }
  | { type: "task_failed"; taskId: string; reason: string; usage: Usage }
  | { type: "ci_completed"; taskId: string; sha: string; conclusion: "success" | "failure"; summary: string }
  | { type: "approve_task"; taskId: string; by: string; sha: string }
  | { type: "head_changed"; taskId: string; sha: string; by: string }
  | { type: "task_merged"; taskId: string; sha: string }
  | { type: "task_dequeued"; taskId: string; reason: string }
  | { type: "task_closed"; taskId: string }
  | { type: "cancel"; by: string };

export type EngineEventType = EngineEvent["type"];
