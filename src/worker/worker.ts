import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { GitHubCallError, GitHubRateLimitError } from "../ports/errors.ts";
import { ModelCallError } from "../ports/model-error.ts";
import { JobKey } from "../domain/ids.ts";
import { UnreadableStateError } from "../engine/stored-state.ts";
import { InvalidJobError, laneFilter, parseLeasedJob, type Lane } from "../store/job-kinds.ts";
import type { Job } from "../store/store.ts";
import { StaleWorkflowError } from "./apply-event.ts";
import type { WorkerDeps } from "./deps.ts";
import { LaneSlots, ownerOfKey } from "./lanes.ts";
import { runJob, type JobRunners } from "./run-job.ts";

export interface WorkerOptions {
  /** Short jobs at once (intake, events, commands, merges): the short lane. */
  concurrency: number;
  /** Jobs in model work at once (coder, debugger, reviewer, planner, engineer): the model lane. */
  modelConcurrency?: number;
  /** Jobs in model work at once for one installation. */
  modelConcurrencyPerInstallation?: number;
  /** How long a lease lasts without a heartbeat: a job whose worker died runs again after it. */
  leaseMs: number;
  pollMs: number;
  maxAttempts: number;
  /** How often a running job's lease is extended; a third of the lease by default. */
  heartbeatMs?: number;
  /** On stop, how long the jobs in hand may take to finish before their leases are released. */
  shutdownGraceMs?: number;
}

export const DEFAULT_WORKER_OPTIONS: WorkerOptions = {
  concurrency: 4,
  modelConcurrency: 12,
  modelConcurrencyPerInstallation: 6,
  leaseMs: 60_000,
  pollMs: 250,
  maxAttempts: 8,
  shutdownGraceMs: 8_000,
};

export interface WorkerHooks {
  /** Runners that replace the pipeline's own for some kinds of job. */
  handlers?: Partial<JobRunners>;
  /** Told when a job failed for good, e.g. to check whether its repository or issue is gone. */
  onGaveUp?: (job: Job, error: unknown) => void;
}

export interface RetryPlan {
  delayMs: number;
  /** A rate limit: the job waits as long as it was told and never fails for it. */
  wait: boolean;
}

const MINUTE = 60_000;

/** Exponential backoff: up to 2^attempt s (at most 5 minutes), jittered over its upper half, so 1-2 s after the first attempt. */
function backoff(attempt: number, random: () => number): number {
  const ceiling = Math.min(2 ** attempt * 1000, 5 * MINUTE);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

function gitHubPlan(error: GitHubCallError, attempt: number, waits: number, random: () => number): RetryPlan | null {
  // A limit that named no wait (a secondary limit without `retry-after`): at least a minute, twice as long after each wait.
  if (error instanceof GitHubRateLimitError && !error.waitNamed) return { delayMs: Math.min(MINUTE * 2 ** waits, 15 * MINUTE), wait: true };
  if (error.kind === "rate_limited") return { delayMs: Math.max(error.retryAfterMs ?? MINUTE, 1000), wait: true };
  // A 5xx carries no delay of GitHub's own (the classifier's default hint is not one): jittered backoff from 1-2 s.
  return error.retryable ? { delayMs: backoff(attempt, random), wait: false } : null;
}

/**
 * How long to wait before a failed job runs again, or null when it should not. `attempt` counts the
 * runs that failed, `waits` the rate limits waited out so far (which are not attempts).
 */
export function retryPlan(error: unknown, attempt: number, waits = 0, random: () => number = Math.random): RetryPlan | null {
  if (error instanceof StaleWorkflowError) return { delayMs: 0, wait: false };
  // Stored data that does not read now never will: the job fails at once, with the reason.
  if (error instanceof InvalidJobError || error instanceof UnreadableStateError) return null;
  if (error instanceof GitHubCallError) return gitHubPlan(error, attempt, waits, random);
  if (error instanceof ModelCallError) {
    if (!error.retryable) return null;
    if (error.kind === "rate_limited") return { delayMs: Math.max(error.retryAfterMs ?? backoff(attempt, random), 1000), wait: true };
    return { delayMs: Math.max(error.retryAfterMs ?? 0, backoff(attempt, random)), wait: false };
  }
  return { delayMs: backoff(attempt, random), wait: false };
}

/** A job in hand, with the slot it holds: its lane, and for model work its key's owner. */
interface Held {
  job: Job;
  lane: Lane;
  owner: string;
}

const LANES: readonly Lane[] = ["short", "model"];

/**
 * Takes jobs from the store and runs them until stopped, in two lanes with slots of their own: up to
 * `concurrency` short jobs and `modelConcurrency` jobs in model work (`modelConcurrencyPerInstallation`
 * of one installation) at once, so a short job never waits for a model call to end.
 */
export class Worker {
  readonly id = `worker-${randomUUID().slice(0, 8)}`;
  private readonly running = new Set<Promise<void>>();
  private readonly inHand = new Map<number, Held>();
  private readonly released = new Set<number>();
  private stopping = false;
  private wake: (() => void) | null = null;
  private loop: Promise<void> | null = null;

  private readonly deps: WorkerDeps;
  private readonly options: WorkerOptions;
  private readonly hooks: WorkerHooks;
  private readonly slots: LaneSlots;
  constructor(deps: WorkerDeps, options: WorkerOptions = DEFAULT_WORKER_OPTIONS, hooks: WorkerHooks = {}) {
    this.deps = deps;
    this.options = options;
    this.hooks = hooks;
    this.slots = new LaneSlots({
      short: options.concurrency,
      model: options.modelConcurrency ?? DEFAULT_WORKER_OPTIONS.modelConcurrency ?? 1,
      modelPerInstallation: options.modelConcurrencyPerInstallation ?? DEFAULT_WORKER_OPTIONS.modelConcurrencyPerInstallation ?? 1,
    });
  }

  start(): void {
    this.loop ??= this.run();
  }

  /** Wakes the loop at once, when a handler has just queued a job. */
  notify(): void {
    this.wake?.();
  }

  /**
   * Stops taking jobs and gives the ones in hand `shutdownGraceMs` to finish; the leases of those
   * still running are released (ready again, the attempt not counted), so a restart runs them at once.
   */
  async stop(): Promise<{ finished: number; released: number }> {
    this.stopping = true;
    this.notify();
    await this.loop;
    const inHand = this.inHand.size;
    const grace = new AbortController();
    const settled = Promise.all([...this.running]).then(() => true);
    const done = await Promise.race([
      settled,
      sleep(this.options.shutdownGraceMs ?? 0, false, { signal: grace.signal }).catch(() => false),
    ]);
    grace.abort();
    if (done) return { finished: inHand, released: 0 };
    for (const { job } of this.inHand.values()) {
      this.released.add(job.id);
      this.deps.store.releaseJob(job, this.id, this.deps.now(), "released at shutdown");
    }
    this.deps.log.info({ released: this.released.size }, "released the leases of jobs still running at shutdown");
    return { finished: inHand - this.released.size, released: this.released.size };
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      const held = this.leaseNext();
      if (held) {
        this.slots.take(held.lane, held.owner);
        const task = this.execute(held).finally(() => {
          this.slots.release(held.lane, held.owner);
          this.running.delete(task);
          this.inHand.delete(held.job.id);
          this.notify();
        });
        this.inHand.set(held.job.id, held);
        this.running.add(task);
        continue;
      }
      await Promise.race([sleep(this.options.pollMs), new Promise<void>((resolve) => (this.wake = resolve))]);
      this.wake = null;
    }
  }

  /** The oldest due job of a lane with a slot free; the model lane skips the installations whose slots are all taken. */
  private leaseNext(): Held | null {
    for (const lane of LANES) {
      if (!this.slots.canLease(lane)) continue;
      const filter = lane === "model" ? { ...laneFilter(lane), skipOwners: this.slots.fullOwners() } : laneFilter(lane);
      const job = this.deps.store.leaseJob(this.id, this.deps.now(), this.options.leaseMs, filter);
      if (job) return { job, lane, owner: ownerOfKey(job.key) };
    }
    return null;
  }

  /**
   * The deps a job runs with: a short job is given `enterModelLane`, which moves it to the model lane
   * (its short slot freed at once) before model work of its own.
   */
  private depsFor(held: Held): WorkerDeps {
    if (held.lane === "model") return this.deps;
    const enterModelLane = async (owner: string): Promise<void> => {
      if (held.lane === "model") return;
      held.lane = "model";
      held.owner = owner.toLowerCase();
      const granted = this.slots.toModel(held.owner);
      this.notify();
      await granted;
    };
    return { ...this.deps, enterModelLane };
  }

  /** Extends the job's lease while it runs; stops when the lease is lost (the job's writes are then fenced out). */
  private heartbeat(job: Job): () => void {
    const { store, log, now } = this.deps;
    const timer = setInterval(
      () => {
        if (this.released.has(job.id)) return;
        if (!store.extendLease(job, this.id, now() + this.options.leaseMs)) {
          clearInterval(timer);
          log.warn({ jobId: job.id, kind: job.kind, key: job.key }, "lost the lease of a running job; its result will not be saved");
        }
      },
      this.options.heartbeatMs ?? Math.max(Math.floor(this.options.leaseMs / 3), 10),
    );
    timer.unref();
    return () => clearInterval(timer);
  }

  private async execute(held: Held): Promise<void> {
    const { job } = held;
    const stopBeat = this.heartbeat(job);
    try {
      await runJob(this.depsFor(held), parseLeasedJob(job), this.hooks.handlers);
      stopBeat();
      if (!this.released.has(job.id)) this.deps.store.completeJob(job, this.id);
    } catch (error) {
      stopBeat();
      if (!this.released.has(job.id)) this.settleFailure(job, error);
    }
  }

  private settleFailure(job: Job, error: unknown): void {
    const { store, log } = this.deps;
    const plan = retryPlan(error, job.attempts, job.waits);
    const message = error instanceof Error ? error.message : String(error);
    if (plan === null || (!plan.wait && job.attempts >= this.options.maxAttempts)) {
      store.failJob(job, this.id, message);
      this.recordFailure(job, message);
      log.error(
        { jobId: job.id, kind: job.kind, key: job.key, err: error },
        "job failed for good; see the audit log and retry with /retry",
      );
      this.tellGaveUp(job, error);
      return;
    }
    const runAt = this.deps.now() + plan.delayMs;
    if (plan.wait) store.delayJob(job, this.id, runAt, message);
    else store.retryJob(job, this.id, message, runAt);
    const note = plan.wait ? "job waits for a rate limit" : "job will be retried";
    log.warn({ jobId: job.id, kind: job.kind, key: job.key, attempt: job.attempts, delayMs: plan.delayMs, err: error }, note);
  }

  /** A hook that throws (it could not read the workflow either) must not take the worker down with it. */
  private tellGaveUp(job: Job, error: unknown): void {
    try {
      this.hooks.onGaveUp?.(job, error);
    } catch (hookError) {
      this.deps.log.warn(
        { jobId: job.id, kind: job.kind, key: job.key, err: hookError },
        "the hook told of a failed job threw; the worker goes on",
      );
    }
  }

  private recordFailure(job: Job, message: string): void {
    const workflowId = JobKey.workflowOf(job.key);
    if (!workflowId) return;
    const data = { job: { id: job.id, kind: job.kind, attempts: job.attempts }, error: message };
    this.deps.store.appendEvent({ workflowId, at: this.deps.now(), kind: "job_failed", actor: null, deliveryId: null, data });
  }
}
