import { WorkflowId } from "../../domain/ids.ts";
import type { RepoRef } from "../../engine/types.ts";
import type { Store } from "../../store/store.ts";

export const DEFAULT_MAX_WORKFLOWS_PER_INSTALLATION = 10;

/**
 * Whether a label may not start a new workflow because the installation already runs as many as
 * its cap allows: how many run and the cap. Null when the workflow may start, or when the issue's
 * workflow is already running, as that label starts nothing new.
 */
export function workflowCap(store: Store, ref: RepoRef, issue: number, cap: number): { running: number; cap: number } | null {
  const id = WorkflowId.toString({ ...ref, issue });
  const running = store.openWorkflows().filter((record) => record.state.ref.installationId === ref.installationId);
  if (running.length < cap || running.some((record) => record.id === id)) return null;
  return { running: running.length, cap };
}
