import type { RepoConfig } from "../config/index.ts";
import type { TaskStatus } from "../domain/task-status.ts";
import type { Plan } from "../plan/index.ts";
import type { RiskLevel } from "../policy/risk.ts";
import type { Permission } from "../ports/permission.ts";

export type Phase = "clarifying" | "planning" | "awaiting_approval" | "executing" | "completed" | "failed" | "cancelled";

export type { Permission } from "../ports/permission.ts";

export interface RepoRef {
  installationId: number;
  owner: string;
  repo: string;
}

export interface Usage {
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
  modelCalls: number;
}

export interface TaskRecord {
  id: string;
  status: TaskStatus;
  branch: string;
  pr: number | null;
  prNodeId: string | null;
  headSha: string | null;
  approvedSha: string | null;
  approvedBy: string | null;
  approvedPermission: Permission | null;
  /** Computed from the change by deterministic rules, at least the plan's declared risk. */
  risk: RiskLevel;
  riskReasons: string[];
  attempts: number;
  failure: string | null;
  startedAt: number | null;
  mergedAt: number | null;
  /** Debugger fix commits for this task. */
  fixAttempts: number;
  /** Every debugger classification, oldest first. */
  classifications: string[];
  /** The failure signature of the last CI failure the debugger read. */
  lastSignature: string | null;
  /** The commit whose failed jobs were re-run once as flaky. */
  rerunSha: string | null;
  /** A short, redacted excerpt of the last error, for the human-facing comment. */
  lastError: string | null;
  reviewRounds: number;
  reviewedSha: string | null;
  reviewVerdict: "approve" | "request_changes" | null;
  /** Signatures of review findings already sent back to the coder (a recurring one means stuck). */
  findingSignatures: string[];
  /** Commits Foreman made on the branch: a head outside this list was pushed by someone else. */
  ownCommits: string[];
  /** For a fresh attempt: what failed before, given to the coder. */
  retryContext: string | null;
  usage: Usage;
}

export interface WorkflowState {
  id: string;
  ref: RepoRef;
  issue: number;
  issueTitle: string;
  requester: string;
  phase: Phase;
  config: RepoConfig;
  defaultBranch: string;
  /** Questions the engineer asked and is waiting on. */
  questions: string[];
  /** Answers from the author or a writer, fed back to the engineer. */
  answers: string[];
  brief: string | null;
  plan: Plan | null;
  planNotes: string[];
  planFeedback: string | null;
  tasks: Record<string, TaskRecord>;
  usage: Usage;
  statusCommentId: number | null;
  /** Debugger fix commits across all tasks of the issue. */
  fixAttemptsTotal: number;
  startedAt: number;
  finishedAt: number | null;
  failure: string | null;
}

export const workflowId = (ref: Pick<RepoRef, "owner" | "repo">, issue: number): string =>
  `${ref.owner}/${ref.repo}#${issue}`.toLowerCase();
