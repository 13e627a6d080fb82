import { z } from "zod";
import { RepoConfig } from "../config/index.ts";
import { TITLE_STYLES } from "../domain/conventional-commits.ts";
import { MERGE_REFUSALS } from "../domain/merge-refusal.ts";
import { Plan, Risk, Task as PlannedTask } from "../plan/index.ts";
import type { RiskAssessment } from "../policy/risk.ts";
import type { ModelRefusal } from "../ports/model-error.ts";
import type { AgentRole } from "../ports/model.ts";
import { PermissionLevel, RepoRef, Usage } from "./types.ts";

const Assessment = z.object({ level: Risk, reasons: z.array(z.string()) }) satisfies z.ZodType<RiskAssessment>;

/** Where Foreman answers a writer's feedback once it pushed a commit for it. */
export const ReplyTarget = z
  .discriminatedUnion("kind", [z.object({ kind: z.literal("thread"), commentId: z.int() }), z.object({ kind: z.literal("conversation") })])
  .nullable();
export type ReplyTarget = z.infer<typeof ReplyTarget>;

/** What the debugger made of a red CI run. */
export const DebugOutcome = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("fixed"), classification: z.string(), diagnosis: z.string(), commitSha: z.string() }),
  z.object({ kind: z.literal("rerun"), classification: z.enum(["flaky", "infrastructure"]), diagnosis: z.string() }),
  z.object({ kind: z.literal("spec_mismatch"), diagnosis: z.string() }),
  z.object({ kind: z.literal("stuck"), reason: z.string() }),
  z.object({ kind: z.literal("no_fix"), classification: z.string(), diagnosis: z.string() }),
  z.object({ kind: z.literal("failed"), reason: z.string() }),
]);
export type DebugOutcome = z.infer<typeof DebugOutcome>;

const Failed = z.object({ kind: z.literal("failed"), reason: z.string() });

/** The planner's new file list for a task the debugger found could not pass as specified, or why there is none. */
const AmendOutcome = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("amended"), files: PlannedTask.shape.files, reason: z.string() }),
  Failed,
]);

const RevisionOutcome = z.discriminatedUnion("kind", [z.object({ kind: z.literal("committed"), commitSha: z.string() }), Failed]);

/** How a task's branch came up to date with its base. */
const RebaseHow = z.enum([
  /** GitHub merged the base into the branch (`update-branch`), without conflicts. */
  "github",
  /** Foreman merged the base into the branch, file by file (three-way), without conflicts. */
  "merged",
  /** The merge had conflicts; the coder wrote the conflicting files again on the new base. */
  "recoded",
  /** An older release re-applied the task's edits on the new base. */
  "reapplied",
]);

/** What bringing a task's branch up to date with its base came to. */
export const RebaseOutcome = z.discriminatedUnion("kind", [
  /** A new head, a merge of the old head and the base; `conflicts`: the files the coder wrote again. */
  z.object({ kind: z.literal("committed"), commitSha: z.string(), how: RebaseHow, conflicts: z.array(z.string()).optional() }),
  /** The branch already held the base: nothing was written. */
  z.object({ kind: z.literal("up_to_date") }),
  /** Someone else's commit heads the branch (`sha`, when known): Foreman leaves it to them. */
  z.object({ kind: z.literal("human_commits"), sha: z.string().nullable().optional() }),
  Failed,
]);
export type RebaseOutcome = z.infer<typeof RebaseOutcome>;

const EngineerOutcome = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("brief"), brief: z.string() }),
  z.object({ kind: z.literal("questions"), questions: z.array(z.string()) }),
]);

const Task = { taskId: z.string().min(1) };

const AgentRoleName = z.enum(["engineer", "planner", "coder", "debugger", "reviewer"]) satisfies z.ZodType<AgentRole>;

/** A provider that refused Foreman's key (401, 403) or the model asked for (404). */
const Refusal = z.object({
  provider: z.string(),
  keyVariable: z.string(),
  status: z.int(),
  kind: z.enum(["unauthorized", "model_not_found"]),
  model: z.string(),
}) satisfies z.ZodType<ModelRefusal>;

/** A writer labelled the issue: the workflow starts. */
const Started = z.object({
  type: z.literal("start"),
  ref: RepoRef,
  issue: z.int().min(1),
  issueTitle: z.string(),
  requester: z.string(),
  config: RepoConfig,
  defaultBranch: z.string().min(1),
  /** The title style `pullRequests.title: auto` found in the history; absent: none read (another setting, or a start queued before titles had styles). */
  pullRequestTitles: z.enum(TITLE_STYLES).optional(),
});

/** Events about a task's pull request and its checks. */
const TaskEvents = [
  z.object({
    type: z.literal("task_published"),
    ...Task,
    pr: z.int(),
    prNodeId: z.string(),
    headSha: z.string(),
    risk: Assessment,
    usage: Usage,
  }),
  z.object({ type: z.literal("task_failed"), ...Task, reason: z.string(), usage: Usage }),
  /** Someone else's commit heads the task's branch (`sha`, null when unknown): Foreman leaves the branch to them. */
  z.object({ type: z.literal("branch_taken"), ...Task, sha: z.string().nullable(), usage: Usage }),
  z.object({ type: z.literal("ci_completed"), ...Task, sha: z.string(), conclusion: z.enum(["success", "failure"]), summary: z.string() }),
  /** `permission` is the approver's, read live when the command arrived. */
  z.object({ type: z.literal("approve_task"), ...Task, by: z.string(), sha: z.string(), permission: PermissionLevel }),
  z.object({ type: z.literal("head_changed"), ...Task, sha: z.string(), by: z.string() }),
  z.object({ type: z.literal("task_merged"), ...Task, sha: z.string() }),
  /**
   * The merge did not happen: GitHub refused it, the merge queue removed the pull request, or
   * Foreman found the head behind its base. `cause` says what comes next (see `MergeRefusal`);
   * absent, as from the merge queue's webhook, it is read from `reason`.
   */
  z.object({ type: z.literal("task_dequeued"), ...Task, reason: z.string(), cause: z.enum(MERGE_REFUSALS).optional() }),
  /** The task's pull request `pr` was closed unmerged by `by`; either is absent when not known (the reconciler found it closed). */
  z.object({ type: z.literal("task_closed"), ...Task, pr: z.int().optional(), by: z.string().optional() }),
  /** A task's closed pull request was opened again, with `sha` as its head; `by` is null when not known. */
  z.object({ type: z.literal("task_reopened"), ...Task, pr: z.int(), sha: z.string(), by: z.string().nullable() }),
  /** Something the base branch's rules count changed on the task's pull request (a review, a check): a task waiting on them tries the merge again. */
  z.object({ type: z.literal("requirements_changed"), ...Task }),
  /** The task's pull request conflicts with its base, which moved to `baseSha`. */
  z.object({ type: z.literal("task_conflicted"), ...Task, baseSha: z.string() }),
] as const;

/** Events from the QA loop: the debugger, the reviewer, revisions and rebases. */
const QaEvents = [
  z.object({
    type: z.literal("debug_done"),
    ...Task,
    /** The head the debugger read the failure of. */
    sha: z.string(),
    outcome: DebugOutcome,
    signature: z.string(),
    excerpt: z.string(),
    usage: Usage,
  }),
  z.object({
    type: z.literal("review_done"),
    ...Task,
    sha: z.string(),
    verdict: z.enum(["approve", "request_changes"]),
    summary: z.string(),
    findings: z.array(z.string()),
    usage: Usage,
  }),
  /** The reviewer gave no usable verdict on `sha` (`reason`: what was wrong with its answers): the review was not completed. */
  z.object({ type: z.literal("review_failed"), ...Task, sha: z.string(), reason: z.string(), usage: Usage }),
  /** The planner's answer to a `spec_mismatch` on `sha`: the task's new file list, to recode it with the `diagnosis`. */
  z.object({
    type: z.literal("files_amended"),
    ...Task,
    sha: z.string(),
    diagnosis: z.string(),
    outcome: AmendOutcome,
    usage: Usage,
  }),
  z.object({ type: z.literal("revision_done"), ...Task, sha: z.string(), outcome: RevisionOutcome, usage: Usage }),
  z.object({ type: z.literal("human_feedback"), ...Task, by: z.string(), body: z.string(), reply: ReplyTarget }),
  z.object({ type: z.literal("rebase_done"), ...Task, outcome: RebaseOutcome, usage: Usage }),
] as const;

/** What happened, in domain words: from webhooks (after permission checks) or from finished work. */
export const EngineEvent = z.discriminatedUnion("type", [
  Started,
  z.object({ type: z.literal("engineer_done"), outcome: EngineerOutcome, usage: Usage }),
  z.object({ type: z.literal("reply"), author: z.string(), body: z.string() }),
  z.object({ type: z.literal("plan_done"), plan: Plan, notes: z.array(z.string()), usage: Usage }),
  z.object({ type: z.literal("plan_failed"), problems: z.array(z.string()), usage: Usage }),
  z.object({ type: z.literal("agent_failed"), role: z.string(), reason: z.string(), usage: Usage }),
  /**
   * The model endpoint refused the `role`'s call: its key or its model, which only a person can fix. About a task's work
   * (`taskId`), the task asks a human; about the engineer's or the planner's (null), the workflow stops.
   */
  z.object({ type: z.literal("model_refused"), role: AgentRoleName, taskId: z.string().nullable(), refusals: z.array(Refusal).min(1) }),
  /** `permission`: the approver's, read live when the command arrived (absent from events queued before it was kept). */
  z.object({ type: z.literal("approve_plan"), by: z.string(), permission: PermissionLevel.optional() }),
  /**
   * A writer's `/approve` on the issue while the tasks run: it approves every ready task whose head Foreman knew before the
   * comment was written (`writtenAt`, null when unknown), or whose head is the commit it names (`named`). Comment `commentId` is answered.
   */
  z.object({
    type: z.literal("approve_ready"),
    by: z.string(),
    permission: PermissionLevel,
    commentId: z.int(),
    writtenAt: z.number().nullable(),
    named: z.string().nullable(),
  }),
  z.object({ type: z.literal("replan"), by: z.string(), feedback: z.string() }),
  z.object({ type: z.literal("cancel"), by: z.string() }),
  /** The issue was closed (as not planned, or otherwise) or deleted; `by` is null when not known (the reconciler found it). */
  z.object({ type: z.literal("issue_closed"), how: z.enum(["closed", "not_planned", "deleted"]), by: z.string().nullable() }),
  z.object({ type: z.literal("retry"), by: z.string(), taskId: z.string().nullable() }),
  ...TaskEvents,
  ...QaEvents,
]);
export type EngineEvent = z.infer<typeof EngineEvent>;
