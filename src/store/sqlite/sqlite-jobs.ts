import type { SQLInputValue } from "node:sqlite";
import { checkedJobInput } from "../job-kinds.ts";
import type { Job, JobInput, JobSummary, LeaseFilter } from "../store.ts";
import type { SqliteDb } from "./sqlite-db.ts";

/** Jobs queued or running: what "Foreman is busy" means. */
export const COUNT_PENDING_JOBS = "SELECT count(*) AS n FROM jobs WHERE state IN ('ready', 'leased')";

interface JobRow {
  id: number;
  kind: string;
  key: string;
  payload: string;
  attempts: number;
  waits: number;
  lease_token: number;
}

interface SummaryRow {
  id: number;
  kind: string;
  key: string;
  state: JobSummary["state"];
  attempts: number;
  run_at: number;
  last_error: string | null;
}

/**
 * A job whose lease expired (its worker died) is due again this long after the expiry: 1 s after
 * the first attempt, doubling, at most 256 s, so a job that kills its worker does not spin.
 */
const EXPIRED_BACKOFF_SQL = "(1 << min(j.attempts, 9)) * 500";

/** Matches a workflow's own key and its tasks' keys (`<id>/<task>`) without LIKE escapes. */
const OF_WORKFLOW = "(key = ? OR substr(key, 1, length(?) + 1) = ? || '/')";

/**
 * A lease's filter, as JSON arrays (fixed SQL text, whatever the lists): the kinds it may take (null: any),
 * the kinds it may not, and the owners it skips. A key's owner is what comes before its first `/`
 * (`owner/repo#1`, `owner/repo#1/task`).
 */
const LEASE_FILTER_SQL = `AND (?1 IS NULL OR j.kind IN (SELECT value FROM json_each(?1)))
           AND j.kind NOT IN (SELECT value FROM json_each(?2))
           AND lower(substr(j.key, 1, instr(j.key, '/') - 1)) NOT IN (SELECT lower(value) FROM json_each(?3))`;

/** The job queue: leases with expiry and fencing tokens, one running job per key. */
export class SqliteJobs {
  private readonly sql: SqliteDb;
  private readonly now: () => number;
  constructor(sql: SqliteDb, now: () => number) {
    this.sql = sql;
    this.now = now;
  }

  /** Queues a job whose payload fits its kind; an `InvalidJobError` (nothing queued) otherwise. */
  enqueue(input: JobInput): number {
    const job = checkedJobInput(input);
    const result = this.sql
      .statement("INSERT INTO jobs (kind, key, payload, run_at) VALUES (?, ?, ?, ?)")
      .run(job.kind, job.key, JSON.stringify(job.payload), job.runAt ?? this.now());
    return Number(result.lastInsertRowid);
  }

  /**
   * Takes the oldest due job the filter lets through. The key check looks at every job, of any kind:
   * a job whose key has an older job waiting or running, in either lane, waits for it.
   */
  lease(owner: string, now: number, leaseMs: number, filter?: LeaseFilter): Job | null {
    return this.sql.transaction(() => {
      const row = this.sql.get<JobRow>(
        `SELECT id, kind, key, payload, attempts, waits, lease_token FROM jobs j
           WHERE ((j.state = 'ready' AND j.run_at <= ?4) OR (j.state = 'leased' AND j.lease_expires_at + ${EXPIRED_BACKOFF_SQL} <= ?4))
           ${LEASE_FILTER_SQL}
           AND NOT EXISTS (
             SELECT 1 FROM jobs o WHERE o.key = j.key AND o.id <> j.id
               AND ((o.state = 'leased' AND o.lease_expires_at > ?4) OR (o.state IN ('ready', 'leased') AND o.id < j.id))
           )
           ORDER BY j.run_at, j.id LIMIT 1`,
        filter?.kinds ? JSON.stringify(filter.kinds) : null,
        JSON.stringify(filter?.exceptKinds ?? []),
        JSON.stringify(filter?.skipOwners ?? []),
        now,
      );
      if (!row) return null;
      const token = row.lease_token + 1;
      this.sql.run(
        "UPDATE jobs SET state = 'leased', lease_owner = ?, lease_expires_at = ?, lease_token = ?, attempts = attempts + 1 WHERE id = ?",
        owner,
        now + leaseMs,
        token,
        row.id,
      );
      return {
        id: row.id,
        kind: row.kind,
        key: row.key,
        payload: JSON.parse(row.payload) as unknown,
        attempts: row.attempts + 1,
        waits: row.waits,
        leaseToken: token,
      };
    });
  }

  /** Changes a job only while `owner` still holds the lease with this token. */
  private fenced(job: Job, owner: string, sql: string, ...params: SQLInputValue[]): boolean {
    return (
      this.sql.run(
        `${sql} WHERE id = ? AND lease_owner = ? AND lease_token = ? AND state = 'leased'`,
        ...params,
        job.id,
        owner,
        job.leaseToken,
      ) === 1
    );
  }

  extend(job: Job, owner: string, until: number): boolean {
    return this.fenced(job, owner, "UPDATE jobs SET lease_expires_at = ?", until);
  }

  complete(job: Job, owner: string): boolean {
    return this.fenced(job, owner, "UPDATE jobs SET state = 'done', lease_owner = NULL");
  }

  retry(job: Job, owner: string, error: string, runAt: number): boolean {
    return this.fenced(job, owner, "UPDATE jobs SET state = 'ready', run_at = ?, last_error = ?, lease_owner = NULL", runAt, error);
  }

  release(job: Job, owner: string, runAt: number, note: string | null): boolean {
    const sql =
      "UPDATE jobs SET state = 'ready', run_at = ?, attempts = max(attempts - 1, 0), last_error = coalesce(?, last_error), lease_owner = NULL";
    return this.fenced(job, owner, sql, runAt, note);
  }

  delay(job: Job, owner: string, runAt: number, note: string): boolean {
    const sql =
      "UPDATE jobs SET state = 'ready', run_at = ?, attempts = max(attempts - 1, 0), waits = waits + 1, last_error = ?, lease_owner = NULL";
    return this.fenced(job, owner, sql, runAt, note);
  }

  fail(job: Job, owner: string, error: string): boolean {
    return this.fenced(job, owner, "UPDATE jobs SET state = 'failed', last_error = ?, lease_owner = NULL", error);
  }

  pending(): number {
    return this.sql.get<{ n: number }>(COUNT_PENDING_JOBS)?.n ?? 0;
  }

  pendingFor(workflowId: string): number {
    return this.sql.get<{ n: number }>(`${COUNT_PENDING_JOBS} AND ${OF_WORKFLOW}`, workflowId, workflowId, workflowId)?.n ?? 0;
  }

  cancelFor(workflowId: string): number {
    return this.sql.run(
      `UPDATE jobs SET state = 'cancelled', lease_owner = NULL WHERE state = 'ready' AND ${OF_WORKFLOW}`,
      workflowId,
      workflowId,
      workflowId,
    );
  }

  summariesFor(workflowId: string): JobSummary[] {
    const sql = `SELECT id, kind, key, state, attempts, run_at, last_error FROM jobs WHERE ${OF_WORKFLOW} ORDER BY id`;
    const rows = this.sql.all<SummaryRow>(sql, workflowId, workflowId, workflowId);
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      key: row.key,
      state: row.state,
      attempts: row.attempts,
      runAt: row.run_at,
      lastError: row.last_error,
    }));
  }
}
