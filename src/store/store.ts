/** The durable state Foreman keeps: deliveries, jobs, workflows, events and effect results. */

export interface DeliveryRecord {
  id: string;
  event: string;
  action: string | null;
  receivedAt: number;
}

export interface JobInput {
  kind: string;
  /** Jobs with the same key run one at a time, in order (one workflow's jobs share a key). */
  key: string;
  payload: unknown;
  runAt?: number;
}

export interface Job {
  id: number;
  kind: string;
  key: string;
  payload: unknown;
  attempts: number;
  /** Fencing token: increases on every lease, so a worker that lost its lease cannot finish the job. */
  leaseToken: number;
}

export interface WorkflowRecord<State> {
  id: string;
  state: State;
  version: number;
  open: boolean;
}

export interface AuditEvent {
  workflowId: string;
  at: number;
  kind: string;
  actor: string | null;
  deliveryId: string | null;
  data: unknown;
}

export interface Store {
  /** Records a webhook delivery; false when this delivery id was already recorded. */
  recordDelivery(delivery: DeliveryRecord): boolean;
  enqueueJob(job: JobInput): number;
  /** Leases the oldest due job whose key has no other job leased; null when there is none. */
  leaseJob(owner: string, now: number, leaseMs: number): Job | null;
  completeJob(job: Job, owner: string): boolean;
  /** Puts a job back to run at `runAt`, recording the error. */
  retryJob(job: Job, owner: string, error: string, runAt: number): boolean;
  failJob(job: Job, owner: string, error: string): boolean;
  pendingJobs(): number;
  getWorkflow<State>(id: string): WorkflowRecord<State> | null;
  /**
   * Saves a workflow if its version is still `expectedVersion` (0 for a new one), and queues
   * `jobs` in the same transaction; false (and nothing queued) otherwise.
   */
  saveWorkflow<State>(id: string, state: State, expectedVersion: number, open: boolean, jobs?: JobInput[]): boolean;
  openWorkflows<State>(): Array<WorkflowRecord<State>>;
  appendEvent(event: AuditEvent): void;
  events(workflowId: string): AuditEvent[];
  /** The recorded result of an effect by its idempotency key. */
  effectResult(key: string): unknown;
  recordEffect(key: string, result: unknown): void;
  close(): void;
}
