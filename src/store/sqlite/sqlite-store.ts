import { readWorkflowState, UnreadableStateError, WORKFLOW_STATE_VERSION, writableWorkflowState } from "../../engine/stored-state.ts";
import type { WorkflowState } from "../../engine/types.ts";
import type {
  AuditEvent,
  DeliveryMark,
  DeliveryRecord,
  Job,
  JobInput,
  JobSummary,
  LeaseFilter,
  SeenKind,
  Store,
  WorkflowRecord,
} from "../store.ts";
import { OperatorQueries } from "./operator-queries.ts";
import { pruneDatabase, type PruneReport, type RetentionPolicy } from "./retention.ts";
import { SqliteDb } from "./sqlite-db.ts";
import { SqliteJobs } from "./sqlite-jobs.ts";
import { SqliteOverview } from "./sqlite-overview.ts";

interface WorkflowRow {
  id: string;
  state: string;
  state_version: number;
  version: number;
  open: number;
}

const WORKFLOW_COLUMNS = "id, state, state_version, version, open";

interface EventRow {
  workflow_id: string;
  at: number;
  kind: string;
  actor: string | null;
  delivery_id: string | null;
  data: string;
}

/** The embedded default store: SQLite in WAL mode, one file per deployment. */
export class SqliteStore implements Store {
  private readonly sql: SqliteDb;
  private readonly jobs: SqliteJobs;
  private readonly now: () => number;
  /** Read-only summaries for metrics and the dashboard. */
  readonly overview: SqliteOverview;

  constructor(path: string, now: () => number = Date.now) {
    this.now = now;
    this.sql = new SqliteDb(path);
    this.jobs = new SqliteJobs(this.sql, now);
    this.overview = new SqliteOverview(this.sql);
  }

  recordDelivery(delivery: DeliveryRecord): boolean {
    const sql = "INSERT OR IGNORE INTO deliveries (id, event, action, received_at) VALUES (?, ?, ?, ?)";
    return this.sql.run(sql, delivery.id, delivery.event, delivery.action, delivery.receivedAt) === 1;
  }

  /** One transaction, so one commit: a crash or an error at any step leaves none of the delivery's rows. */
  acceptDelivery(delivery: DeliveryRecord, job: JobInput, mark: DeliveryMark | null = null): boolean {
    return this.sql.transaction(() => {
      if (!this.recordDelivery(delivery)) return false;
      const marked = mark ? this.markSeen(mark.kind, mark.key) : true;
      if (mark?.gate && !marked) return false;
      this.jobs.enqueue(job);
      return true;
    });
  }

  enqueueJob(job: JobInput): number {
    return this.jobs.enqueue(job);
  }

  leaseJob(owner: string, now: number, leaseMs: number, filter?: LeaseFilter): Job | null {
    return this.jobs.lease(owner, now, leaseMs, filter);
  }

  extendLease(job: Job, owner: string, until: number): boolean {
    return this.jobs.extend(job, owner, until);
  }

  completeJob(job: Job, owner: string): boolean {
    return this.jobs.complete(job, owner);
  }

  retryJob(job: Job, owner: string, error: string, runAt: number): boolean {
    return this.jobs.retry(job, owner, error, runAt);
  }

  releaseJob(job: Job, owner: string, runAt: number, note: string | null = null): boolean {
    return this.jobs.release(job, owner, runAt, note);
  }

  delayJob(job: Job, owner: string, runAt: number, note: string): boolean {
    return this.jobs.delay(job, owner, runAt, note);
  }

  failJob(job: Job, owner: string, error: string): boolean {
    return this.jobs.fail(job, owner, error);
  }

  pendingJobs(): number {
    return this.jobs.pending();
  }

  pendingJobsFor(workflowId: string): number {
    return this.jobs.pendingFor(workflowId);
  }

  cancelJobsFor(workflowId: string): number {
    return this.jobs.cancelFor(workflowId);
  }

  jobsFor(workflowId: string): JobSummary[] {
    return this.jobs.summariesFor(workflowId);
  }

  getWorkflow(id: string): WorkflowRecord | null {
    const row = this.sql.get<WorkflowRow>(`SELECT ${WORKFLOW_COLUMNS} FROM workflows WHERE id = ?`, id);
    return row ? toWorkflow(row) : null;
  }

  /** Saves the state at the newest state version, checked first so that it reads back (an `UnreadableStateError` otherwise). */
  saveWorkflow(
    id: string,
    state: WorkflowState,
    expectedVersion: number,
    open: boolean,
    jobs: JobInput[] = [],
    events: AuditEvent[] = [],
  ): boolean {
    const json = JSON.stringify(writableWorkflowState(state, `workflow ${id}`));
    return this.sql.transaction(() => {
      const saved = this.writeWorkflow(id, json, expectedVersion, open);
      if (!saved) return false;
      for (const job of jobs) this.jobs.enqueue(job);
      for (const event of events) this.appendEvent(event);
      return true;
    });
  }

  private writeWorkflow(id: string, json: string, expectedVersion: number, open: boolean): boolean {
    if (expectedVersion === 0) {
      const insert = "INSERT OR IGNORE INTO workflows (id, state, state_version, version, open, updated_at) VALUES (?, ?, ?, 1, ?, ?)";
      return this.sql.run(insert, id, json, WORKFLOW_STATE_VERSION, open ? 1 : 0, this.now()) === 1;
    }
    const sql =
      "UPDATE workflows SET state = ?, state_version = ?, version = version + 1, open = ?, updated_at = ? WHERE id = ? AND version = ?";
    return this.sql.run(sql, json, WORKFLOW_STATE_VERSION, open ? 1 : 0, this.now(), id, expectedVersion) === 1;
  }

  openWorkflows(): WorkflowRecord[] {
    const rows = this.sql.all<WorkflowRow>(`SELECT ${WORKFLOW_COLUMNS} FROM workflows WHERE open = 1 ORDER BY id`);
    return rows.flatMap((row) => readable(row));
  }

  appendEvent(event: AuditEvent): void {
    const sql = "INSERT INTO events (workflow_id, at, kind, actor, delivery_id, data) VALUES (?, ?, ?, ?, ?, ?)";
    this.sql.run(sql, event.workflowId, event.at, event.kind, event.actor, event.deliveryId, JSON.stringify(event.data ?? null));
  }

  events(workflowId: string): AuditEvent[] {
    const sql = "SELECT workflow_id, at, kind, actor, delivery_id, data FROM events WHERE workflow_id = ? ORDER BY seq";
    const rows = this.sql.all<EventRow>(sql, workflowId);
    return rows.map((row) => ({
      workflowId: row.workflow_id,
      at: row.at,
      kind: row.kind,
      actor: row.actor,
      deliveryId: row.delivery_id,
      data: JSON.parse(row.data) as unknown,
    }));
  }

  effectResult(key: string): unknown {
    const row = this.sql.get<{ result: string }>("SELECT result FROM effects WHERE key = ?", key);
    return row ? (JSON.parse(row.result) as unknown) : undefined;
  }

  recordEffect(key: string, result: unknown): void {
    this.sql.run(
      "INSERT OR REPLACE INTO effects (key, result, recorded_at) VALUES (?, ?, ?)",
      key,
      JSON.stringify(result ?? null),
      this.now(),
    );
  }

  markSeen(kind: SeenKind, key: string): boolean {
    return this.sql.run("INSERT OR IGNORE INTO seen (kind, key, seen_at) VALUES (?, ?, ?)", kind, key, this.now()) === 1;
  }

  enqueueUnseen(job: JobInput, seen: { kind: SeenKind; key: string }): boolean {
    return this.sql.transaction(() => {
      if (!this.markSeen(seen.kind, seen.key)) return false;
      this.jobs.enqueue(job);
      return true;
    });
  }

  hasSeen(kind: SeenKind, key: string): boolean {
    return this.sql.get("SELECT 1 AS found FROM seen WHERE kind = ? AND key = ?", kind, key) !== undefined;
  }

  unmarkSeen(kind: SeenKind, key: string): boolean {
    return this.sql.run("DELETE FROM seen WHERE kind = ? AND key = ?", kind, key) === 1;
  }

  /** Reads for the operator's command line, on this connection. */
  operatorQueries(): OperatorQueries {
    return new OperatorQueries(this.sql);
  }

  /** Deletes what finished work no longer needs (see `retention.ts`); with `dryRun`, only counts it. */
  prune(policy: RetentionPolicy, dryRun = false): PruneReport {
    return pruneDatabase(this.sql, policy, this.now(), dryRun);
  }

  close(): void {
    this.sql.close();
  }
}

/** A row read back: its state JSON migrated from the version it was written at to the newest. */
function toWorkflow(row: WorkflowRow): WorkflowRecord {
  const source = `workflow ${row.id}`;
  let json: unknown;
  try {
    json = JSON.parse(row.state);
  } catch (error) {
    throw new UnreadableStateError(source, row.state_version, "invalid", error);
  }
  return { id: row.id, state: readWorkflowState(json, row.state_version, source), version: row.version, open: row.open === 1 };
}

/** The row as a record, or nothing when it cannot be read (its own jobs fail on it with the reason). */
function readable(row: WorkflowRow): WorkflowRecord[] {
  try {
    return [toWorkflow(row)];
  } catch (error) {
    if (error instanceof UnreadableStateError) return [];
    throw error;
  }
}
