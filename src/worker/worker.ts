import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { GitHubCallError } from "../adapters/github/errors.ts";
import { ModelCallError } from "../adapters/model/openai-model.ts";
import type { Job } from "../store/store.ts";
import { StaleWorkflowError } from "./apply-event.ts";
import type { WorkerDeps } from "./deps.ts";
import { runJob } from "./run-job.ts";

export interface WorkerOptions {
  concurrency: number;
  leaseMs: number;
  pollMs: number;
  maxAttempts: number;
}

export const DEFAULT_WORKER_OPTIONS: WorkerOptions = { concurrency: 4, leaseMs: 10 * 60_000, pollMs: 250, maxAttempts: 8 };

/** How long to wait before a failed job runs again, or null when it should not. */
export function retryDelay(error: unknown, attempt: number): number | null {
  if (error instanceof StaleWorkflowError) return 0;
  const backoff = Math.min(2 ** attempt * 1000, 5 * 60_000);
  if (error instanceof GitHubCallError) return error.retryable ? Math.max(error.retryAfterMs ?? 0, backoff) : null;
  if (error instanceof ModelCallError) return error.retryable ? Math.max(error.retryAfterMs ?? 0, backoff) : null;
  return backoff;
}

/** Takes jobs from the store and runs them, up to `concurrency` at once, until stopped. */
export class Worker {
  readonly id = `worker-${randomUUID().slice(0, 8)}`;
  private running = new Set<Promise<void>>();
  private stopping = false;
  private wake: (() => void) | null = null;
  private loop: Promise<void> | null = null;

  private readonly deps: WorkerDeps;
  private readonly options: WorkerOptions;
  constructor(deps: WorkerDeps, options: WorkerOptions = DEFAULT_WORKER_OPTIONS) {
    this.deps = deps;
    this.options = options;
  }

  start(): void {
    this.loop ??= this.run();
  }

  /** Wakes the loop at once, when a handler has just queued a job. */
  notify(): void {
    this.wake?.();
  }

  /** Stops taking jobs and waits for the ones in hand. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.notify();
    await this.loop;
    await Promise.all([...this.running]);
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      const job = this.running.size < this.options.concurrency ? this.deps.store.leaseJob(this.id, this.deps.now(), this.options.leaseMs) : null;
      if (job) {
        const task = this.execute(job).finally(() => {
          this.running.delete(task);
          this.notify();
        });
        this.running.add(task);
        continue;
      }
      await Promise.race([sleep(this.options.pollMs), new Promise<void>((resolve) => (this.wake = resolve))]);
      this.wake = null;
    }
  }

  private async execute(job: Job): Promise<void> {
    const { store, log } = this.deps;
    try {
      await runJob(this.deps, job);
      store.completeJob(job, this.id);
    } catch (error) {
      const delay = job.attempts < this.options.maxAttempts ? retryDelay(error, job.attempts) : null;
      const message = error instanceof Error ? error.message : String(error);
      if (delay === null) {
        store.failJob(job, this.id, message);
        log.error({ jobId: job.id, kind: job.kind, key: job.key, err: error }, "job failed for good; see the audit log and retry with /retry");
        return;
      }
      store.retryJob(job, this.id, message, this.deps.now() + delay);
      log.warn({ jobId: job.id, kind: job.kind, attempt: job.attempts, delayMs: delay, err: error }, "job will be retried");
    }
  }
}
