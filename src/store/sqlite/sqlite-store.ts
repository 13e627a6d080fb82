import { DatabaseSync, type SQLInputValue } from "node:sqlite";
import type { AuditEvent, DeliveryRecord, Job, JobInput, Store, WorkflowRecord } from "../store.ts";
import { MIGRATIONS } from "./schema.ts";

interface JobRow {
  id: number;
  kind: string;
  key: string;
  payload: string;
  attempts: number;
  lease_token: number;
}

interface WorkflowRow {
  id: string;
  state: string;
  version: number;
  open: number;
}

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
  private readonly db: DatabaseSync;

  private readonly now: () => number = Date.now;
  constructor(path: string, now: () => number = Date.now) {
    this.now = now;
    this.db = new DatabaseSync(path);
    this.db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;");
    this.migrate();
  }

  private migrate(): void {
    const { user_version: applied } = this.db.prepare("PRAGMA user_version").get() as { user_version: number };
    for (let index = applied; index < MIGRATIONS.length; index += 1) {
      this.transaction(() => {
        this.db.exec(MIGRATIONS[index] ?? "");
        this.db.exec(`PRAGMA user_version = ${index + 1}`);
      });
    }
  }

  private transaction<T>(work: () => T): T {
    this.db.exec("BEGIN IMMEDIATE");
    try {
      const result = work();
      this.db.exec("COMMIT");
      return result;
    } catch (error) {
      this.db.exec("ROLLBACK");
      throw error;
    }
  }

  private run(sql: string, ...params: SQLInputValue[]): number {
    return Number(this.db.prepare(sql).run(...params).changes);
  }

  recordDelivery(delivery: DeliveryRecord): boolean {
    return (
      this.run(
        "INSERT OR IGNORE INTO deliveries (id, event, action, received_at) VALUES (?, ?, ?, ?)",
        delivery.id,
        delivery.event,
        delivery.action,
        delivery.receivedAt,
      ) === 1
    );
  }

  enqueueJob(job: JobInput): number {
    const result = this.db
      .prepare("INSERT INTO jobs (kind, key, payload, run_at) VALUES (?, ?, ?, ?)")
      .run(job.kind, job.key, JSON.stringify(job.payload), job.runAt ?? this.now());
    return Number(result.lastInsertRowid);
  }

  leaseJob(owner: string, now: number, leaseMs: number): Job | null {
    return this.transaction(() => {
      const row = this.db
        .prepare(
          `SELECT id, kind, key, payload, attempts, lease_token FROM jobs j
           WHERE ((j.state = 'ready' AND j.run_at <= ?) OR (j.state = 'leased' AND j.lease_expires_at <= ?))
           AND NOT EXISTS (
             SELECT 1 FROM jobs o WHERE o.key = j.key AND o.id <> j.id
               AND ((o.state = 'leased' AND o.lease_expires_at > ?) OR (o.state IN ('ready', 'leased') AND o.id < j.id))
           )
           ORDER BY j.run_at, j.id LIMIT 1`,
        )
        .get(now, now, now) as JobRow | undefined;
      if (!row) return null;
      const token = row.lease_token + 1;
      this.run(
        "UPDATE jobs SET state = 'leased', lease_owner = ?, lease_expires_at = ?, lease_token = ?, attempts = attempts + 1 WHERE id = ?",
        owner,
        now + leaseMs,
        token,
        row.id,
      );
      return { id: row.id, kind: row.kind, key: row.key, payload: JSON.parse(row.payload) as unknown, attempts: row.attempts + 1, leaseToken: token };
    });
  }

  private finish(job: Job, owner: string, sql: string, ...params: SQLInputValue[]): boolean {
    return this.run(`${sql} WHERE id = ? AND lease_owner = ? AND lease_token = ? AND state = 'leased'`, ...params, job.id, owner, job.leaseToken) === 1;
  }

  completeJob(job: Job, owner: string): boolean {
    return this.finish(job, owner, "UPDATE jobs SET state = 'done', lease_owner = NULL");
  }

  retryJob(job: Job, owner: string, error: string, runAt: number): boolean {
    return this.finish(job, owner, "UPDATE jobs SET state = 'ready', run_at = ?, last_error = ?, lease_owner = NULL", runAt, error);
  }

  failJob(job: Job, owner: string, error: string): boolean {
    return this.finish(job, owner, "UPDATE jobs SET state = 'failed', last_error = ?, lease_owner = NULL", error);
  }

  pendingJobs(): number {
    const row = this.db.prepare("SELECT count(*) AS n FROM jobs WHERE state IN ('ready', 'leased')").get() as { n: number };
    return row.n;
  }

  getWorkflow<State>(id: string): WorkflowRecord<State> | null {
    const row = this.db.prepare("SELECT id, state, version, open FROM workflows WHERE id = ?").get(id) as WorkflowRow | undefined;
    return row ? toWorkflow<State>(row) : null;
  }

  saveWorkflow<State>(id: string, state: State, expectedVersion: number, open: boolean, jobs: JobInput[] = []): boolean {
    return this.transaction(() => {
      const saved = this.writeWorkflow(id, JSON.stringify(state), expectedVersion, open);
      if (saved) for (const job of jobs) this.enqueueJob(job);
      return saved;
    });
  }

  private writeWorkflow(id: string, json: string, expectedVersion: number, open: boolean): boolean {
    if (expectedVersion === 0) {
      return this.run("INSERT OR IGNORE INTO workflows (id, state, version, open, updated_at) VALUES (?, ?, 1, ?, ?)", id, json, open ? 1 : 0, this.now()) === 1;
    }
    const sql = "UPDATE workflows SET state = ?, version = version + 1, open = ?, updated_at = ? WHERE id = ? AND version = ?";
    return this.run(sql, json, open ? 1 : 0, this.now(), id, expectedVersion) === 1;
  }

  openWorkflows<State>(): Array<WorkflowRecord<State>> {
    const rows = this.db.prepare("SELECT id, state, version, open FROM workflows WHERE open = 1 ORDER BY id").all() as unknown as WorkflowRow[];
    return rows.map((row) => toWorkflow<State>(row));
  }

  appendEvent(event: AuditEvent): void {
    this.db
      .prepare("INSERT INTO events (workflow_id, at, kind, actor, delivery_id, data) VALUES (?, ?, ?, ?, ?, ?)")
      .run(event.workflowId, event.at, event.kind, event.actor, event.deliveryId, JSON.stringify(event.data));
  }

  events(workflowId: string): AuditEvent[] {
    const rows = this.db
      .prepare("SELECT workflow_id, at, kind, actor, delivery_id, data FROM events WHERE workflow_id = ? ORDER BY seq")
      .all(workflowId) as unknown as EventRow[];
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
    const row = this.db.prepare("SELECT result FROM effects WHERE key = ?").get(key) as { result: string } | undefined;
    return row ? (JSON.parse(row.result) as unknown) : undefined;
  }

  recordEffect(key: string, result: unknown): void {
    this.db.prepare("INSERT OR REPLACE INTO effects (key, result, recorded_at) VALUES (?, ?, ?)").run(key, JSON.stringify(result ?? null), this.now());
  }

  close(): void {
    this.db.close();
  }
}

function toWorkflow<State>(row: WorkflowRow): WorkflowRecord<State> {
  return { id: row.id, state: JSON.parse(row.state) as State, version: row.version, open: row.open === 1 };
}
