import type { RepoConfig } from "../config/index.ts";
import type { Plan } from "../plan/index.ts";
import type { RiskAssessment } from "../policy/risk.ts";
import type { Permission, RepoRef, Usage } from "./types.ts";

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
  | { type: "task_published"; taskId: string; pr: number; prNodeId: string; headSha: string; risk: RiskAssessment; usage: Usage }
  | { type: "task_failed"; taskId: string; reason: string; usage: Usage }
  | { type: "ci_completed"; taskId: string; sha: string; conclusion: "success" | "failure"; summary: string }
  /** `permission` is the approver's, read live when the command arrived. */
  | { type: "approve_task"; taskId: string; by: string; sha: string; permission: Permission }
  | { type: "head_changed"; taskId: string; sha: string; by: string }
  | { type: "task_merged"; taskId: string; sha: string }
  | { type: "task_dequeued"; taskId: string; reason: string }
  | { type: "task_closed"; taskId: string }
  | { type: "cancel"; by: string }
  | {
      type: "debug_done";
      taskId: string;
      /** The head the debugger read the failure of. */
      sha: string;
      outcome: DebugOutcome;
      signature: string;
      excerpt: string;
      usage: Usage;
    }
  | { type: "review_done"; taskId: string; sha: string; verdict: "approve" | "request_changes"; summary: string; findings: string[]; usage: Usage }
  | { type: "revision_done"; taskId: string; sha: string; outcome: { kind: "committed"; commitSha: string } | { kind: "failed"; reason: string }; usage: Usage }
  | { type: "human_feedback"; taskId: string; by: string; body: string; reply: ReplyTarget }
  | { type: "retry"; by: string; taskId: string | null }
  | { type: "task_conflicted"; taskId: string; baseSha: string }
  | { type: "rebase_done"; taskId: string; outcome: { kind: "committed"; commitSha: string; how: "reapplied" | "recoded" } | { kind: "human_commits" } | { kind: "failed"; reason: string }; usage: Usage };

/** Where Foreman answers a writer's feedback once it pushed a commit for it. */
export type ReplyTarget = { kind: "thread"; commentId: number } | { kind: "conversation" } | null;

/** What the debugger made of a red CI run. */
export type DebugOutcome =
  | { kind: "fixed"; classification: string; diagnosis: string; commitSha: string }
  | { kind: "rerun"; classification: "flaky" | "infrastructure"; diagnosis: string }
  | { kind: "spec_mismatch"; diagnosis: string }
  | { kind: "stuck"; reason: string }
  | { kind: "no_fix"; classification: string; diagnosis: string }
  | { kind: "failed"; reason: string };

export type EngineEventType = EngineEvent["type"];
