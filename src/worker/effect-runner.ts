import { CheckRunId, RepoKey } from "../domain/ids.ts";
import { EffectKey, WritesRecordKey } from "../domain/keys.ts";
import { writeKey, type Effect, type GitHubWrite } from "../engine/effects.ts";
import { EngineEvent } from "../engine/events.ts";
import type { WorkflowState } from "../engine/types.ts";
import type { RepoGitHub } from "../ports/github.ts";
import { CommentKey } from "../render/index.ts";
import { eventJob, taskJob } from "../store/job-kinds.ts";
import type { JobInput } from "../store/store.ts";
import { engineerEvent, plannerEvent } from "./agent-effects.ts";
import { ciOutcome, FOREMAN_CHECK, FOREMAN_CONFIG_CHECK } from "./ci-outcome.ts";
import type { WorkerDeps } from "./deps.ts";
import type { WritesAbout } from "./intake/routed.ts";
import { mergeTask } from "./merge-task.ts";
import { orRefused } from "./model-refusal.ts";
import { checksOffReason } from "./local-checks.ts";
import { renderStatus, statusDigest } from "./status-view.ts";

export interface EffectContext {
  deps: WorkerDeps;
  github: RepoGitHub;
  state: WorkflowState;
  /** Deterministic prefix for idempotency keys: the workflow and the version the decision was made on. */
  keyPrefix: string;
  /** Jobs to queue once the new state is saved, in the same transaction. */
  outbox: JobInput[];
}

/** Runs a model step once per key: a replay after a crash reuses the recorded event instead of calling the model again. */
async function recordedEvent(context: EffectContext, key: string, work: () => Promise<unknown>): Promise<void> {
  const { store } = context.deps;
  const recorded = store.effectResult(key);
  const event = recorded ?? (await work());
  if (recorded === undefined) store.recordEffect(key, event);
  context.outbox.push(eventJob(context.state.id, EngineEvent.parse(event)));
}

/**
 * Performs one write on GitHub: every comment, reaction, check run, review and closed pull request
 * Foreman makes goes through here. Each is find-or-create or idempotent by its key (`writeKey`), so
 * a job that runs again does not write twice. Answers the id of a comment it wrote.
 */
async function performWrite(github: RepoGitHub, write: GitHubWrite, knownCommentId: number | null = null): Promise<number | null> {
  switch (write.type) {
    case "post_comment":
      return (await github.upsertComment({ issue: write.issue, key: write.key, body: write.body, knownId: knownCommentId })).id;
    case "react":
      await github.react(write.commentId, write.content);
      return null;
    case "close_pull_request":
      await github.closePullRequest(write.pr);
      return null;
    case "report_check": {
      const status = write.state === "in_progress" ? "in_progress" : "completed";
      const conclusion = write.state === "in_progress" ? {} : { conclusion: write.state };
      await github.ensureCheckRun({
        sha: write.sha,
        name: write.run === "config" ? FOREMAN_CONFIG_CHECK : FOREMAN_CHECK,
        externalId: write.externalId,
        status,
        ...conclusion,
        title: write.title,
        summary: write.summary,
        ...(write.annotations ? { annotations: write.annotations } : {}),
      });
      return null;
    }
    case "post_review":
      await github.createReview({ number: write.pr, sha: write.sha, body: write.body, comments: write.comments, key: write.key });
      return null;
    case "reply_in_thread":
      await github.replyToReviewComment(write.pr, write.commentId, write.body);
      return null;
  }
}

/** The audit kind of a batch of writes the intake stage or a job performed. */
export const WRITES_EVENT = "writes";

/** Writes asked for outside an engine decision, with what the audit trail records of them and where it files them. */
export type WriteBatch = WritesAbout & {
  /** Deterministic (a delivery id, a job's recorded work): a batch is performed once, however often its job runs. */
  key: string;
  actor: string | null;
  deliveryId: string | null;
  writes: GitHubWrite[];
};

/** Where the audit trail files a batch: under its workflow's id, or under the repository's key (`RepoKey`) when it is about no workflow. */
function auditKeyOf(about: WritesAbout): string {
  return "workflowId" in about ? about.workflowId : RepoKey.toString(about.repository);
}

/** A write as the audit trail shows it: its type and its key. */
function writeSummary(write: GitHubWrite): Record<string, unknown> {
  return { type: write.type, key: writeKey(write), ...("sha" in write ? { sha: write.sha } : {}) };
}

/**
 * Performs a batch of writes once: a job that runs again (a retry, a crash, a redelivery of the
 * same delivery) finds the batch recorded and writes nothing. The batch is recorded, with an audit
 * event, once every write in it succeeded; one that failed half-way is performed again whole,
 * which its writes' keys make harmless.
 */
export async function performWrites(deps: WorkerDeps, github: RepoGitHub, batch: WriteBatch): Promise<void> {
  const recordKey = WritesRecordKey.toString(batch.key);
  if (batch.writes.length === 0 || deps.store.effectResult(recordKey) !== undefined) return;
  for (const write of batch.writes) await performWrite(github, write);
  const effects = batch.writes.map(writeSummary);
  deps.store.recordEffect(recordKey, effects);
  deps.store.appendEvent({
    workflowId: auditKeyOf(batch),
    at: deps.now(),
    kind: WRITES_EVENT,
    actor: batch.actor,
    deliveryId: batch.deliveryId,
    data: { effects },
  });
}

function taskPr(state: WorkflowState, taskId: string): number | null {
  return state.tasks[taskId]?.pr ?? null;
}

/** The engine's writes, resolved to their targets; null when the target is not known (a task without a pull request). */
function engineWrite(
  state: WorkflowState,
  effect: Extract<Effect, { type: "comment" | "set_check" | "close_task_pr" }>,
): GitHubWrite | null {
  switch (effect.type) {
    case "comment": {
      const issue = effect.on === "issue" ? state.issue : taskPr(state, effect.on.taskId);
      return issue === null ? null : { type: "post_comment", issue, key: effect.key, body: effect.body };
    }
    case "set_check": {
      const externalId = CheckRunId.toString({ workflowId: state.id, taskId: effect.taskId, on: "head" });
      return { type: "report_check", sha: effect.sha, externalId, state: effect.state, title: effect.title, summary: effect.summary };
    }
    case "close_task_pr": {
      const pr = taskPr(state, effect.taskId);
      return pr === null ? null : { type: "close_pull_request", pr };
    }
  }
}

/** Whether this decision merged a task just now: the `task_merged` it queued edits the status at once, with the merge. */
function mergedNow(outbox: readonly JobInput[]): boolean {
  return outbox.some((job) => job.kind === "event" && job.payload.event.type === "task_merged");
}

/**
 * Writes the status comment, unless its last edit already shows everything this one would (`statusDigest`):
 * a step that changes no word of it (a usage figure aside) costs no write, nor does "merging" when the
 * merge is already done.
 */
async function updateStatus({ deps, github, state, outbox }: EffectContext): Promise<WorkflowState> {
  const checksOff = checksOffReason(deps, state);
  const digest = statusDigest(state, checksOff);
  if (state.statusCommentId !== null && (digest === state.statusDigest || mergedNow(outbox))) return state;
  const body = renderStatus(state, checksOff, deps.githubBudget?.heldUntil(state.ref.installationId) ?? null);
  const status: GitHubWrite = { type: "post_comment", issue: state.issue, key: CommentKey.status, body };
  return { ...state, statusCommentId: await performWrite(github, status, state.statusCommentId), statusDigest: digest };
}

/** Performs one effect through the ports; returns the state with what the effect learned (a comment id). */
export async function runEffect(context: EffectContext, effect: Effect, index: number): Promise<WorkflowState> {
  const { deps, github, state } = context;
  const key = EffectKey.toString({ decision: context.keyPrefix, index, type: effect.type });
  switch (effect.type) {
    case "run_engineer":
      await recordedEvent(context, key, () =>
        orRefused(deps, { role: "engineer", taskId: null }, () => engineerEvent(deps, github, state)),
      );
      return state;
    case "run_planner":
      await recordedEvent(context, key, () => orRefused(deps, { role: "planner", taskId: null }, () => plannerEvent(deps, github, state)));
      return state;
    case "update_status":
      return updateStatus(context);
    case "comment":
    case "set_check":
    case "close_task_pr": {
      const write = engineWrite(state, effect);
      if (write) await performWrite(github, write);
      return state;
    }
    case "merge_task":
      await mergeTask(github, state, effect.taskId, effect.sha, context.outbox);
      return state;
    case "rerun_jobs":
      await github.rerunFailedJobs(effect.sha);
      return state;
    case "label":
      if (effect.add.length > 0) await github.addLabels(state.issue, effect.add);
      for (const label of effect.remove) await github.removeLabel(state.issue, label);
      return state;
    case "close_issue":
      await github.closeIssue(state.issue);
      return state;
    case "poll_ci": {
      const outcome = ciOutcome(await github.checksFor(effect.sha));
      if (outcome) context.outbox.push(eventJob(state.id, { type: "ci_completed", taskId: effect.taskId, sha: effect.sha, ...outcome }));
      return state;
    }
    default:
      context.outbox.push(taskWork(state, effect));
      return state;
  }
}

/** The job that does a task's work, queued with the new state. */
function taskWork(
  state: WorkflowState,
  effect: Extract<Effect, { type: "start_task" | "run_debugger" | "run_reviewer" | "run_revision" | "rebase_task" | "amend_files" }>,
): JobInput {
  const about = { workflowId: state.id, taskId: effect.taskId };
  switch (effect.type) {
    case "start_task":
      return taskJob("task", { ...about, attempt: state.tasks[effect.taskId]?.attempts ?? 1 });
    case "run_debugger":
      return taskJob("debug", { ...about, sha: effect.sha });
    case "run_reviewer":
      return taskJob("review", { ...about, sha: effect.sha, ...(effect.run === undefined ? {} : { run: effect.run }) });
    case "run_revision":
      return taskJob("revise", { ...about, sha: effect.sha, feedback: effect.feedback, reply: effect.reply });
    case "rebase_task":
      return taskJob("rebase", { ...about, headSha: state.tasks[effect.taskId]?.headSha ?? "" });
    case "amend_files":
      return taskJob("amend", { ...about, sha: effect.sha, diagnosis: effect.diagnosis });
  }
}
