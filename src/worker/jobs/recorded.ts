import { z } from "zod";
import { Edit } from "../../agents/apply-edits.ts";
import type { StructuredResult } from "../../agents/structured.ts";
import { Usage } from "../../engine/types.ts";
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

/** A recorded agent result: its value checked by `value`, or the problems of an answer that could not be used. */
export function recordedResult<T>(value: z.ZodType<T>): z.ZodType<StructuredResult<T>> {
  return z.union([
    z.object({ ok: z.literal(true), value, usage: Usage }),
    z.object({ ok: z.literal(false), problems: z.array(z.string()), usage: Usage }),
  ]);
}

const FileChange = z.object({ path: z.string(), content: z.string().nullable() });

/** How one of the repository's checks ended locally (`LocalCheckResult`). */
export const LocalCheckRecord = z.object({
  name: z.string(),
  outcome: z.enum(["passed", "failed", "timed_out", "error", "not_run"]),
  exitCode: z.int().nullable(),
  durationMs: z.number(),
});

/** The coder's checked answer: the summary, the file changes, the edits they came from and its local checks. */
export const CoderResult = z.object({
  summary: z.string(),
  changes: z.array(FileChange),
  edits: z.array(Edit),
  checks: z.array(LocalCheckRecord).default([]),
});

/** File changes alone (the debugger's fix). */
export const Changes = z.array(FileChange);
