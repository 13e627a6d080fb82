import type { WorkflowState } from "../engine/types.ts";
import { renderStatusComment } from "../render/index.ts";

/** The status comment for a workflow, with its state embedded as the hidden snapshot. */
export function renderStatus(state: WorkflowState): string {
  const plan = state.plan;
  return renderStatusComment({
    phase: state.phase,
    plan: plan ?? undefined,
    tasks: (plan?.tasks ?? []).map((task) => ({
      id: task.id,
      title: task.title,
      status: state.tasks[task.id]?.status ?? "pending",
      pr: state.tasks[task.id]?.pr ?? undefined,
      dependsOn: task.dependsOn,
    })),
    usage: { promptTokens: state.usage.promptTokens, completionTokens: state.usage.completionTokens, costUsd: state.usage.costUsd },
    questions: state.phase === "clarifying" ? state.questions : undefined,
    notes: [...state.planNotes, ...(state.failure ? [state.failure] : [])],
    snapshot: state,
  });
}
