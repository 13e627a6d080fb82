import type { z } from "zod";
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

/**
 * G5: a model's answer (with what it was asked about) is recorded under `key` before any GitHub
 * write that depends on it, so a job that runs again after a failed write reuses the answer: the
 * call is paid once, and what Foreman shows is what it acts on.
 */
export async function answerOnce<T>(deps: WorkerDeps, key: string, schema: z.ZodType<T>, ask: () => Promise<T>): Promise<T> {
  const stored = deps.store.effectResult(key);
  if (stored !== undefined) return schema.parse(stored);
  const answer = await ask();
  deps.store.recordEffect(key, answer);
  return answer;
}
