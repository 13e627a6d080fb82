import type { EngineEvent } from "../../engine/events.ts";
import type { WorkerDeps } from "../deps.ts";

/**
 * Runs a job's work once per key and reports its event to the workflow. A job that runs again
 * after a crash finds the recorded event and reports it without paying for the work twice.
 */
export async function reportOnce(deps: WorkerDeps, workflowId: string, key: string, work: () => Promise<EngineEvent>): Promise<void> {
  const recorded = deps.store.effectResult(key) as EngineEvent | undefined;
  const event = recorded ?? (await work());
  if (!recorded) deps.store.recordEffect(key, event);
  deps.store.enqueueJob({ kind: "event", key: workflowId, payload: { workflowId, event } });
}
