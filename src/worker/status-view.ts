import { createHash } from "node:crypto";
import type { WorkflowState } from "../engine/types.ts";
import { renderStatusComment, type SafeMarkdown, type StatusPhase, type StatusView } from "../render/index.ts";

function statusPhase(state: WorkflowState): StatusPhase {
  switch (state.phase) {
    case "planning":
      return state.brief === null ? "scoping" : "planning";
    case "clarifying":
      return "awaiting_answers";
    case "awaiting_approval":
      return "awaiting_plan_approval";
    case "executing":
      return "running";
    default:
      return state.phase;
  }
}

/** Who approved the plan, for a task whose approval of its head is the plan's. */
function planApproval(state: WorkflowState, taskId: string): { approvedWithPlanBy: string } | Record<string, never> {
  const task = state.tasks[taskId];
  const approved = task !== undefined && task.approvedWithPlan && task.approvedSha !== null && task.approvedSha === task.headSha;
  return approved && task.approvedBy !== null ? { approvedWithPlanBy: task.approvedBy } : {};
}

/** Why tasks whose pull request someone closed stopped, and what waits for them. */
function closedTaskNotes(state: WorkflowState): string[] {
  return Object.values(state.tasks).flatMap((task) => (task.status === "cancelled" && task.failure ? [task.failure] : []));
}

/** How long a completed workflow took, and its tasks' coding attempts in all. */
function finishedView(state: WorkflowState, finishedAt: number): { durationMs: number; attempts: number } {
  const attempts = Object.values(state.tasks).reduce((sum, task) => sum + task.attempts, 0);
  return { durationMs: finishedAt - state.startedAt, attempts };
}

/** What the status comment shows of a workflow; `checksOff`: see `renderStatus`. */
function statusView(state: WorkflowState, checksOff: string | null): StatusView {
  const checksNote = checksOff === null ? [] : [`Local checks are off: ${checksOff}. CI alone tests each change.`];
  const plan = state.plan;
  return {
    phase: statusPhase(state),
    plan: plan ? { summary: plan.summary } : undefined,
    tasks: (plan?.tasks ?? []).map((task) => ({
      id: task.id,
      title: task.title,
      status: state.tasks[task.id]?.status ?? "pending",
      pr: state.tasks[task.id]?.pr ?? undefined,
      dependsOn: task.dependsOn,
      failure: state.tasks[task.id]?.failure ?? null,
      ...planApproval(state, task.id),
      awaiting: state.tasks[task.id]?.awaiting ?? null,
      ...(state.phase === "awaiting_approval"
        ? { detail: { files: task.files, acceptanceCriteria: task.acceptanceCriteria, risk: task.risk } }
        : {}),
    })),
    usage: {
      promptTokens: state.usage.promptTokens,
      completionTokens: state.usage.completionTokens,
      costUsd: state.usage.costUsd,
      unpricedTokens: state.usage.unpricedTokens,
    },
    questions: state.phase === "clarifying" ? state.questions : undefined,
    notes: [...checksNote, ...state.planNotes, ...closedTaskNotes(state), ...(state.failure ? [state.failure] : [])],
    ...(state.phase === "completed" && state.finishedAt !== null ? { finished: finishedView(state, state.finishedAt) } : {}),
    snapshot: state,
  };
}

/**
 * The status comment for a workflow, with its state embedded as the hidden snapshot.
 * `checksOff`: why the repository's declared checks do not run locally here (null: they do, or none are declared).
 * `githubHeldUntil`: until when GitHub's rate limits hold the installation's writes (null: they do not); not in the digest.
 */
export function renderStatus(state: WorkflowState, checksOff: string | null = null, githubHeldUntil: number | null = null): SafeMarkdown {
  return renderStatusComment({ ...statusView(state, checksOff), ...(githubHeldUntil === null ? {} : { githubHeldUntil }) });
}

const NO_USAGE = { promptTokens: 0, completionTokens: 0, costUsd: 0 };

/**
 * What an edit of the status comment would change, as a digest: its visible text without the usage line, and each
 * task's pull request and head (so that the snapshot a lost database is rebuilt from knows every commit Foreman
 * pushed). The comment is edited only when this differs from the digest of its last edit (`statusDigest`).
 */
export function statusDigest(state: WorkflowState, checksOff: string | null = null): string {
  const visible = renderStatusComment({ ...statusView(state, checksOff), usage: NO_USAGE, snapshot: null });
  const heads = Object.values(state.tasks).map((task) => [task.id, task.pr, task.headSha]);
  return createHash("sha256").update(visible).update(JSON.stringify(heads)).digest("base64url").slice(0, 22);
}
