/** The durable state Foreman keeps: deliveries, jobs, workflows, events and effect results. */

import type { WorkflowState } from "../engine/types.ts";
import type { Job, JobInput } from "./job-kinds.ts";

export type { Job, JobInput } from "./job-kinds.ts";

/**
 * Which due jobs a lease may take: only `kinds` (when given), none of `exceptKinds`, and none whose key
 * belongs to one of `skipOwners` (repository owners, compared without case: an owner's repositories are
 * all in one installation of the app).
 */
export interface LeaseFilter {
  kinds?: readonly string[];
  exceptKinds?: readonly string[];
  skipOwners?: readonly string[];
}

export interface DeliveryRecord {
  id: string;
  event: string;
  action: string | null;
  receivedAt: number;
}

/** A job as the audit trail shows it. */
export interface JobSummary {
  id: number;
  kind: string;
  key: string;
  state: "ready" | "leased" | "done" | "failed" | "cancelled";
  attempts: number;
  runAt: number;
  lastError: string | null;
}

export interface WorkflowRecord {
  id: string;
  state: WorkflowState;
  version: number;
  open: boolean;
}

export interface AuditEvent {
  /**
   * The workflow the event is about; for writes about no workflow (the `Foreman` check on a pull
   * request that is not a task), the repository's key (`RepoKey`, `owner/repo`), which is never a workflow id.
   */
  workflowId: string;
  at: number;
  kind: string;
  actor: string | null;
  deliveryId: string | null;
  data: unknown;
}

/** What the reconciler has already fed in or seen arrive, so nothing is fed twice. */
export type SeenKind = "comment" | "label" | "gone";

/**
 * A seen mark made with a delivery. With `gate`, a mark already there means the delivery queues
 * nothing (a comment the reconciler fed in first); without, the mark only records that the delivery
 * came (a label, so the reconciler never feeds it in after).
 */
export interface DeliveryMark {
  kind: SeenKind;
  key: string;
  gate: boolean;
}

export interface Store {
  /** Records a webhook delivery; false when this delivery id was already recorded. */
  recordDelivery(delivery: DeliveryRecord): boolean;
  /**
   * In one transaction (one commit): records the delivery, makes its seen `mark` (a comment, a
   * label) and queues the job. False, with nothing written, when the delivery id was already
   * recorded; false, with nothing queued, when a gating mark was already there.
   */
  acceptDelivery(delivery: DeliveryRecord, job: JobInput, mark?: DeliveryMark | null): boolean;
  /** Queues a job; its payload is checked against its kind's schema first (an `InvalidJobError` when it does not fit). */
  enqueueJob(job: JobInput): number;
  /**
   * Leases the oldest due job whose key has no other job leased; null when there is none. A job
   * whose lease expired (its worker died) is due again after a backoff that grows with its attempts.
   * With a `filter`, only a job it lets through is taken; jobs it leaves out still hold their keys, so
   * jobs with the same key run one at a time and in order whatever their lanes.
   */
  leaseJob(owner: string, now: number, leaseMs: number, filter?: LeaseFilter): Job | null;
  /** Extends a lease this owner still holds (a heartbeat); false when the lease was lost. */
  extendLease(job: Job, owner: string, until: number): boolean;
  completeJob(job: Job, owner: string): boolean;
  /** Puts a job back to run at `runAt`, recording the error; the attempt counts. */
  retryJob(job: Job, owner: string, error: string, runAt: number): boolean;
  /** Puts a job back to run at `runAt` without counting the attempt: a shutdown let go of it. */
  releaseJob(job: Job, owner: string, runAt: number, note?: string | null): boolean;
  /** Puts a job back to run at `runAt` as a wait (a rate limit), not an attempt; `waits` grows by one. */
  delayJob(job: Job, owner: string, runAt: number, note: string): boolean;
  failJob(job: Job, owner: string, error: string): boolean;
  pendingJobs(): number;
  /** Jobs queued or running for a workflow: its own key and its tasks' keys (`<id>/<task>`). */
  pendingJobsFor(workflowId: string): number;
  /** Cancels the jobs of a workflow that are waiting to run (not a running one); returns how many. */
  cancelJobsFor(workflowId: string): number;
  /** A workflow's jobs, oldest first, for the audit trail. */
  jobsFor(workflowId: string): JobSummary[];
  /** A workflow read back, migrated to the newest state version; an `UnreadableStateError` when it cannot be. */
  getWorkflow(id: string): WorkflowRecord | null;
  /**
   * Saves a workflow if its version is still `expectedVersion` (0 for a new one), and queues
   * `jobs` and appends `events` in the same transaction; false (and nothing written) otherwise.
   */
  saveWorkflow(id: string, state: WorkflowState, expectedVersion: number, open: boolean, jobs?: JobInput[], events?: AuditEvent[]): boolean;
  /** The open workflows that read back; one that cannot be read (see `getWorkflow`) is left out. */
  openWorkflows(): WorkflowRecord[];
  appendEvent(event: AuditEvent): void;
  events(workflowId: string): AuditEvent[];
  /** The recorded result of an effect by its idempotency key. */
  effectResult(key: string): unknown;
  recordEffect(key: string, result: unknown): void;
  /** Marks something seen; true the first time, false when it was already marked. */
  markSeen(kind: SeenKind, key: string): boolean;
  /** Marks something seen and queues the job for it in one transaction; false (nothing queued) when it was already seen. */
  enqueueUnseen(job: JobInput, seen: { kind: SeenKind; key: string }): boolean;
  hasSeen(kind: SeenKind, key: string): boolean;
  /** Removes a seen mark; false when there was none. */
  unmarkSeen(kind: SeenKind, key: string): boolean;
  close(): void;
}
