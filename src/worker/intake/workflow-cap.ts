import { workflowId, type RepoRef, type WorkflowState } from "../../engine/types.ts";
import type { Store } from "../../store/store.ts";

export const DEFAULT_MAX_WORKFLOWS_PER_INSTALLATION = 10;

/**
 * Why a label may not start a new workflow: the installation already runs as many as its cap
 * allows (the sentence names the cap). Null when the workflow may start, or when the issue's
 * workflow is already running, as that label starts nothing new.
 */
export function workflowCapRefusal(store: Store, ref: RepoRef, issue: number, cap: number): string | null {
  const id = workflowId(ref, issue);
  const running = store.openWorkflows<WorkflowState>().filter((record) => record.state.ref.installationId === ref.installationId);
  if (running.length < cap || running.some((record) => record.id === id)) return null;
  return (
    `this installation already runs ${running.length} workflow${running.length === 1 ? "" : "s"}, its cap ` +
    `(\`FOREMAN_MAX_WORKFLOWS_PER_INSTALLATION\` = ${cap}). Add the label again once one of them has finished.`
  );
}
