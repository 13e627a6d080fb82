import type { WorkflowState } from "../engine/types.ts";
import type { Store } from "../store/store.ts";

/** The audit kind of a workflow closed from outside the engine (its repository, issue or installation is gone). */
export const WORKFLOW_CLOSED_EVENT = "workflow_closed";

/** The workflow as cancelled, every task that is not merged cancelled with it. */
function closedState(state: WorkflowState, reason: string, now: number): Pick<WorkflowState, "phase" | "failure" | "finishedAt" | "tasks"> {
  const tasks = Object.fromEntries(
    Object.entries(state.tasks).map(([id, task]) => [id, task.status === "merged" ? task : { ...task, status: "cancelled" as const }]),
  );
  return { phase: "cancelled", failure: reason, finishedAt: now, tasks };
}

/**
 * Ends a workflow that can no longer go on, without a crash loop: it is saved cancelled and closed
 * (with the reason in the audit trail) and its waiting jobs are cancelled. False when it was
 * already closed; a concurrent change is retried on the new version.
 */
export function closeWorkflow(store: Store, workflowId: string, reason: string, now: number): boolean {
  for (let tries = 0; tries < 5; tries += 1) {
    const record = store.getWorkflow(workflowId);
    if (!record?.open) return false;
    const patch = closedState(record.state, reason, now);
    const event = { workflowId, at: now, kind: WORKFLOW_CLOSED_EVENT, actor: null, deliveryId: null, data: { reason, patch } };
    if (store.saveWorkflow(workflowId, { ...record.state, ...patch }, record.version, false, [], [event])) {
      store.cancelJobsFor(workflowId);
      return true;
    }
  }
  return false;
}

/** Closes every open workflow of an installation the app was removed from; returns their ids. */
export function closeInstallation(store: Store, installationId: number, now: number): string[] {
  const ids = store
    .openWorkflows()
    .filter((record) => record.state.ref.installationId === installationId)
    .map((record) => record.id);
  return ids.filter((id) => closeWorkflow(store, id, "The app was uninstalled from this account, so Foreman stopped.", now));
}
