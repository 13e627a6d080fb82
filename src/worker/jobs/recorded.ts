import { EngineEvent } from "../../engine/events.ts";
import { eventJob } from "../../store/job-kinds.ts";
import type { WorkerDeps } from "../deps.ts";

/**
 * Runs a job's work once per key and reports its event to the workflow. A job that runs again
 * after a crash finds the recorded event (checked as an event) and reports it without paying for
 * the work twice.
 */
export async function reportOnce(deps: WorkerDeps, workflowId: string, key: string, work: () => Promise<EngineEvent>): Promise<void> {
  const stored = deps.store.effectResult(key);
  const event = stored === undefined ? await work() : EngineEvent.parse(stored);
  if (stored === undefined) deps.store.recordEffect(key, event);
  deps.store.enqueueJob(eventJob(workflowId, event));
}
