import type { Effect } from "../engine/effects.ts";
import type { EngineEvent } from "../engine/events.ts";
import type { WorkflowState } from "../engine/types.ts";
import { GitHubCallError } from "../ports/errors.ts";
import type { RepoGitHub } from "../ports/github.ts";
import type { JobInput } from "../store/store.ts";
import { renderSummary } from "../render/index.ts";
import { engineerEvent, plannerEvent } from "./agent-effects.ts";
import { ciOutcome, FOREMAN_CHECK } from "./ci-outcome.ts";
import type { WorkerDeps } from "./deps.ts";
import { renderStatus } from "./status-view.ts";

export interface EffectContext {
  deps: WorkerDeps;
  github: RepoGitHub;
  state: WorkflowState;
  /** Deterministic prefix for idempotency keys: the workflow and the version the decision was made on. */
  keyPrefix: string;
  /** Jobs to queue once the new state is saved, in the same transaction. */
  outbox: JobInput[];
}

export interface EffectOutcome {
  state: WorkflowState;
}

/** Runs a model step once per key: a replay after a crash reuses the recorded event instead of calling the model again. */
async function recordedEvent(context: EffectContext, key: string, work: () => Promise<unknown>): Promise<void> {
  const { store } = context.deps;
  const recorded = store.effectResult(key);
  const event = recorded ?? (await work());
  if (recorded === undefined) store.recordEffect(key, event);
  context.outbox.push(eventJob(context.state.id, event as EngineEvent));
}

/** Jobs about one task share a key, so they run one at a time and in order, beside other tasks. */
function taskJob(kind: string, workflowId: string, taskId: string, payload: unknown): JobInput {
  return { kind, key: `${workflowId}/${taskId}`, payload };
}

function eventJob(workflowId: string, event: EngineEvent): JobInput {
  return { kind: "event", key: workflowId, payload: { workflowId, event } };
}

function taskPr(state: WorkflowState, taskId: string): number | null {
  return state.tasks[taskId]?.pr ?? null;
}

/** Performs one effect through the ports; returns the state with what the effect learned (a comment id). */
export async function runEffect(context: EffectContext, effect: Effect, index: number): Promise<WorkflowState> {
  const { deps, github, state } = context;
  const key = `${context.keyPrefix}:${index}:${effect.type}`;
  switch (effect.type) {
    case "run_engineer":
      await recordedEvent(context, key, () => engineerEvent(deps, github, state));
      return state;
    case "run_planner":
      await recordedEvent(context, key, () => plannerEvent(deps, github, state));
      return state;
    case "start_task": {
      const attempt = state.tasks[effect.taskId]?.attempts ?? 1;
      context.outbox.push({ kind: "task", key: `${state.id}/${effect.taskId}`, payload: { workflowId: state.id, taskId: effect.taskId, attempt } });
      return state;
    }
    case "update_status": {
      const { id } = await github.upsertComment({ issue: state.issue, key: "status", body: renderStatus(state), knownId: state.statusCommentId });
      return { ...state, statusCommentId: id };
    }
    case "comment": {
      const target = effect.on === "issue" ? state.issue : taskPr(state, effect.on.taskId);
      const body = effect.key === "summary" ? renderSummary(summaryView(state, deps.now())) : effect.body;
      if (target !== null) await github.upsertComment({ issue: target, key: effect.key, body });
      return state;
    }
    case "set_check":
      await github.ensureCheckRun({
        sha: effect.sha,
        name: FOREMAN_CHECK,
        externalId: `${state.id}/${effect.taskId}`,
        status: effect.state === "in_progress" ? "in_progress" : "completed",
        ...(effect.state === "in_progress" ? {} : { conclusion: effect.state }),
        title: effect.title,
        summary: effect.summary,
      });
      return state;
    case "merge_task":
      await mergeTask(context, effect.taskId, effect.sha);
      return state;
    case "run_debugger":
      context.outbox.push(taskJob("debug", state.id, effect.taskId, { workflowId: state.id, taskId: effect.taskId, sha: effect.sha }));
      return state;
    case "run_reviewer":
      context.outbox.push(taskJob("review", state.id, effect.taskId, { workflowId: state.id, taskId: effect.taskId, sha: effect.sha }));
      return state;
    case "run_revision":
      context.outbox.push(taskJob("revise", state.id, effect.taskId, { workflowId: state.id, taskId: effect.taskId, sha: effect.sha, feedback: effect.feedback, reply: effect.reply }));
      return state;
    case "rebase_task":
      context.outbox.push(taskJob("rebase", state.id, effect.taskId, { workflowId: state.id, taskId: effect.taskId, headSha: state.tasks[effect.taskId]?.headSha ?? "" }));
      return state;
    case "rerun_jobs":
      await github.rerunFailedJobs(effect.sha);
      return state;
    case "label":
      if (effect.add.length > 0) await github.addLabels(state.issue, effect.add);
      for (const label of effect.remove) await github.removeLabel(state.issue, label);
      return state;
    case "poll_ci": {
      const outcome = ciOutcome(await github.checksFor(effect.sha));
      if (outcome) context.outbox.push(eventJob(state.id, { type: "ci_completed", taskId: effect.taskId, sha: effect.sha, ...outcome }));
      return state;
    }
    case "close_issue":
      await github.closeIssue(state.issue);
      return state;
    case "close_task_pr": {
      const pr = taskPr(state, effect.taskId);
      if (pr !== null) await github.closePullRequest(pr);
      return state;
    }
  }
}

async function mergeTask(context: EffectContext, taskId: string, sha: string): Promise<void> {
  const { github, state } = context;
  const task = state.tasks[taskId];
  if (!task?.pr || !task.prNodeId) return;
  const repository = await github.repository();
  const useQueue = state.config.merge.mode === "queue" || (state.config.merge.mode === "auto" && repository.mergeQueue);
  const refused = (reason: string): void => {
    context.outbox.push(eventJob(state.id, { type: "task_dequeued", taskId, reason }));
  };
  try {
    if (useQueue) {
      await github.enqueuePullRequest({ nodeId: task.prNodeId, expectedHeadOid: sha });
      return;
    }
    const result = await github.mergePullRequest({ number: task.pr, sha, method: state.config.merge.method });
    if (!result.merged) refused(result.message);
  } catch (error) {
    if (!(error instanceof GitHubCallError) || error.retryable) throw error;
    // A merge whose answer was lost is refused when tried again: it already happened.
    const pull = await github.getPullRequest(task.pr);
    if (pull.merged) context.outbox.push(eventJob(state.id, { type: "task_merged", taskId, sha }));
    else refused(error.message);
  }
}

function summaryView(state: WorkflowState, now: number): Parameters<typeof renderSummary>[0] {
  return {
    tasks: (state.plan?.tasks ?? []).map((task) => ({
      id: task.id,
      title: task.title,
      attempts: state.tasks[task.id]?.attempts ?? 0,
      ...(state.tasks[task.id]?.pr ? { pr: state.tasks[task.id]?.pr ?? 0 } : {}),
    })),
    durationMs: (state.finishedAt ?? now) - state.startedAt,
    usage: state.usage,
  };
}
