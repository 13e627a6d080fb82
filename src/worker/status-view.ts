import type { WorkflowState } from "../engine/types.ts";
import { renderStatusComment, type SafeMarkdown, type StatusPhase } from "../render/index.ts";

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

/**
 * The status comment for a workflow, with its state embedded as the hidden snapshot.
 * `checksOff`: why the repository's declared checks do not run locally here (null: they do, or none are declared).
 */
export function renderStatus(state: WorkflowState, checksOff: string | null = null): SafeMarkdown {
  const checksNote = checksOff === null ? [] : [`Local checks are off: ${checksOff}. CI alone tests each change.`];
  const plan = state.plan;
  return renderStatusComment({
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
    usage: { promptTokens: state.usage.promptTokens, completionTokens: state.usage.completionTokens, costUsd: state.usage.costUsd },
    questions: state.phase === "clarifying" ? state.questions : undefined,
    notes: [...checksNote, ...state.planNotes, ...closedTaskNotes(state), ...(state.failure ? [state.failure] : [])],
    snapshot: state,
  });
}
