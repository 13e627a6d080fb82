import type { RepoConfig } from "../config/index.ts";
import type { Plan, TaskStatus } from "../plan/index.ts";

export type Phase = "clarifying" | "planning" | "awaiting_approval" | "executing" | "completed" | "failed" | "cancelled";

export type Permission = "none" | "read" | "triage" | "write" | "maintain" | "admin";

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
  attempts: number;
  failure: string | null;
  startedAt: number | null;
  mergedAt: number | null;
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
  startedAt: number;
  finishedAt: number | null;
  failure: string | null;
}

export const workflowId = (ref: Pick<RepoRef, "owner" | "repo">, issue: number): string =>
  `${ref.owner}/${ref.repo}#${issue}`.toLowerCase();
