import { z } from "zod";
import { StoredRepoConfig } from "../config/index.ts";
import { TITLE_STYLES } from "../domain/conventional-commits.ts";
import { TASK_STATUSES } from "../domain/task-status.ts";
import { Plan, Risk } from "../plan/index.ts";
import type { Permission } from "../ports/permission.ts";

export type { Permission } from "../ports/permission.ts";

const Phase = z.enum(["clarifying", "planning", "awaiting_approval", "executing", "completed", "failed", "cancelled"]);
type Phase = z.infer<typeof Phase>;

/** A collaborator's role on a repository, as stored with an approval. */
export const PermissionLevel = z.enum(["none", "read", "triage", "write", "maintain", "admin"]) satisfies z.ZodType<Permission>;

export const RepoRef = z.object({
  installationId: z.int(),
  owner: z.string().min(1),
  repo: z.string().min(1),
});
export type RepoRef = z.infer<typeof RepoRef>;

export const Usage = z.object({
  promptTokens: z.number(),
  completionTokens: z.number(),
  costUsd: z.number(),
  modelCalls: z.number(),
  /** Tools the agents called (read a file, search, edit …); absent when none were. */
  toolCalls: z.number().optional(),
  /** Tokens of models without a known price, counted in `promptTokens`/`completionTokens` but in no cost; absent when none. */
  unpricedTokens: z.number().optional(),
});
export type Usage = z.infer<typeof Usage>;

const Sha = z.string();

/** One debugger verdict on a task: its classification and its diagnosis, redacted and shortened (see `withDiagnosis`). */
export const Diagnosis = z.object({ classification: z.string(), diagnosis: z.string() });
export type Diagnosis = z.infer<typeof Diagnosis>;

export const TaskRecord = z.object({
  id: z.string().min(1),
  status: z.enum(TASK_STATUSES),
  branch: z.string().min(1),
  pr: z.int().nullable(),
  prNodeId: z.string().nullable(),
  headSha: Sha.nullable(),
  /** When Foreman learned that `headSha` is the head (ms): an `/approve` written before then cannot have meant it. */
  headSeenAt: z.number().nullable(),
  approvedSha: Sha.nullable(),
  approvedBy: z.string().nullable(),
  approvedPermission: PermissionLevel.nullable(),
  /** The approval above is the plan's (`approval.tasks`: `plan` or `risk`): given by the plan's approver, for a head Foreman made. */
  approvedWithPlan: z.boolean(),
  /**
   * When Foreman learned that `headSha` is the head (ms), always the real time (unlike `headSeenAt`, 0 for a pull request's
   * first head): an `/approve` on the issue binds only to a head known before it was written.
   */
  headKnownAt: z.number().nullable(),
  /** Someone else has pushed to the branch: from then on the plan's approval covers none of the task's heads. */
  humanCommits: z.boolean(),
  /** Computed from the change by deterministic rules, at least the plan's declared risk. */
  risk: Risk,
  riskReasons: z.array(z.string()),
  attempts: z.int().min(0),
  failure: z.string().nullable(),
  startedAt: z.number().nullable(),
  mergedAt: z.number().nullable(),
  /** Debugger fix commits for this task. */
  fixAttempts: z.int().min(0),
  /** Every debugger classification, oldest first. */
  classifications: z.array(z.string()),
  /** The debugger's last few verdicts with their diagnoses, oldest first: it is shown them when it reads the next failure. */
  diagnoses: z.array(Diagnosis),
  /** The failure signature of the last CI failure the debugger read. */
  lastSignature: z.string().nullable(),
  /** The commit whose failed jobs were re-run once as flaky. */
  rerunSha: Sha.nullable(),
  /**
   * The last CI result the workflow acted on. While a human is asked, the same result again (a
   * repeated webhook, another app's check suite finishing on the head) changes nothing.
   */
  ciResult: z.object({ sha: Sha, conclusion: z.enum(["success", "failure"]) }).nullable(),
  /** A short, redacted excerpt of the last error, for the human-facing comment. */
  lastError: z.string().nullable(),
  reviewRounds: z.int().min(0),
  reviewedSha: Sha.nullable(),
  /**
   * The reviewer's verdict on `reviewedSha`; `unavailable` when it gave no usable one: the review was
   * not completed, and a human asks for it again (`/retry`) or goes on without it (`/approve`).
   */
  reviewVerdict: z.enum(["approve", "request_changes", "unavailable"]).nullable(),
  /** Signatures of review findings already sent back to the coder (a recurring one means stuck). */
  findingSignatures: z.array(z.string()),
  /** Commits Foreman made on the branch: a head outside this list was pushed by someone else. */
  ownCommits: z.array(Sha),
  /** For a fresh attempt: what failed before, given to the coder. */
  retryContext: z.string().nullable(),
  /**
   * A base commit the task's pull request was found to conflict with while the task could not be
   * brought up to date at once (a job worked on its branch, a merge was under way, a human was
   * asked): dealt with when the task comes back to rest, so it is never lost nor offered for `/approve`.
   */
  pendingBase: Sha.nullable(),
  /**
   * What the base branch's rules still want before the approved head may merge ("an approving
   * review from a code owner (@alice)"), while the task waits on them (status `approved`); null otherwise.
   */
  awaiting: z.string().nullable(),
  usage: Usage,
});
export type TaskRecord = z.infer<typeof TaskRecord>;

/** One issue's workflow: what the engine decides on and the store keeps (see `stored-state.ts` for its versions). */
export const WorkflowState = z.object({
  id: z.string().min(1),
  ref: RepoRef,
  issue: z.int().min(1),
  issueTitle: z.string(),
  requester: z.string(),
  phase: Phase,
  config: StoredRepoConfig,
  defaultBranch: z.string().min(1),
  /** Questions the engineer asked and is waiting on. */
  questions: z.array(z.string()),
  /** Answers from the author or a writer, fed back to the engineer. */
  answers: z.array(z.string()),
  brief: z.string().nullable(),
  plan: Plan.nullable(),
  planNotes: z.array(z.string()),
  planFeedback: z.string().nullable(),
  tasks: z.record(z.string(), TaskRecord),
  /** Who approved the plan, with their permission then; null before, and with `planApproval: auto`. */
  planApprover: z.object({ login: z.string(), permission: PermissionLevel.nullable(), at: z.number() }).nullable(),
  /** How task pull requests and their commits are titled: `pullRequests.title`, with `auto` read from the history when the work started. */
  pullRequestTitles: z.enum(TITLE_STYLES),
  usage: Usage,
  statusCommentId: z.int().nullable(),
  /**
   * What the status comment last showed, as a digest of its visible text (usage aside) and of each task's pull
   * request and head: the comment is edited only when this changes. Null before it was first written.
   */
  statusDigest: z.string().nullable(),
  /** Debugger fix commits across all tasks of the issue. */
  fixAttemptsTotal: z.int().min(0),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
  failure: z.string().nullable(),
});
export type WorkflowState = z.infer<typeof WorkflowState>;
