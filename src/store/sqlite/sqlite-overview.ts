import type { JobFailure, PhaseCount, QueueRow, StoreOverview, TaskStatusCount, WorkflowStamp } from "../overview.ts";
import type { SqliteDb } from "./sqlite-db.ts";

const PHASES = `SELECT json_extract(state, '$.phase') AS phase, open, count(*) AS n FROM workflows GROUP BY 1, 2 ORDER BY 1, 2`;

const USED = (path: string): string => `json_extract(state, '$.usage.${path}')`;
const LIMIT = (path: string): string => `json_extract(state, '$.config.limits.${path}')`;
const EXHAUSTED = `SELECT open, count(*) AS n FROM workflows
  WHERE ${USED("promptTokens")} + ${USED("completionTokens")} >= ${LIMIT("tokensPerIssue")} OR ${USED("costUsd")} >= ${LIMIT("costPerIssueUsd")}
  GROUP BY open ORDER BY open`;

const TASK_STATUSES = `SELECT json_extract(task.value, '$.status') AS status, count(*) AS n
  FROM workflows w, json_each(w.state, '$.tasks') AS task WHERE w.open = 1 GROUP BY 1 ORDER BY 1`;

const QUEUE = `SELECT kind,
    sum(state = 'ready' AND run_at <= ?) AS due,
    sum(state = 'ready' AND run_at > ?) AS scheduled,
    sum(state = 'leased') AS leased,
    sum(state = 'failed') AS failed,
    sum(state = 'ready' AND last_error IS NOT NULL AND attempts > 0) AS retrying,
    min(CASE WHEN state = 'ready' AND run_at <= ? THEN run_at END) AS oldest_due_at
  FROM jobs WHERE state IN ('ready', 'leased', 'failed') GROUP BY kind ORDER BY kind`;

const STAMPS = "SELECT id, open, updated_at FROM workflows";

const FAILURES = `SELECT id, kind, key, state, attempts, run_at, last_error FROM jobs
  WHERE last_error IS NOT NULL AND (state = 'failed' OR (state = 'ready' AND attempts > 0)) ORDER BY id DESC LIMIT ?`;

interface QueueSql {
  kind: string;
  due: number;
  scheduled: number;
  leased: number;
  failed: number;
  retrying: number;
  oldest_due_at: number | null;
}

interface StampSql {
  id: string;
  open: number;
  updated_at: number;
}

interface FailureSql {
  id: number;
  kind: string;
  key: string;
  state: string;
  attempts: number;
  run_at: number;
  last_error: string;
}

const stamp = (row: StampSql): WorkflowStamp => ({ id: row.id, open: row.open === 1, updatedAt: row.updated_at });

/** The store's summaries in SQL over the same connection (WAL: reads never wait for the worker's writes). */
export class SqliteOverview implements StoreOverview {
  private readonly sql: SqliteDb;
  constructor(sql: SqliteDb) {
    this.sql = sql;
  }

  workflowPhases(): PhaseCount[] {
    const rows = this.sql.all<{ phase: string | null; open: number; n: number }>(PHASES);
    return rows.map((row) => ({ phase: row.phase ?? "unknown", open: row.open === 1, count: row.n }));
  }

  budgetExhausted(): { open: boolean; count: number }[] {
    return this.sql.all<{ open: number; n: number }>(EXHAUSTED).map((row) => ({ open: row.open === 1, count: row.n }));
  }

  openTaskStatuses(): TaskStatusCount[] {
    const rows = this.sql.all<{ status: string | null; n: number }>(TASK_STATUSES);
    return rows.map((row) => ({ status: row.status ?? "unknown", count: row.n }));
  }

  queue(now: number): QueueRow[] {
    return this.sql.all<QueueSql>(QUEUE, now, now, now).map((row) => ({
      kind: row.kind,
      due: row.due,
      scheduled: row.scheduled,
      leased: row.leased,
      failed: row.failed,
      retrying: row.retrying,
      oldestDueAt: row.oldest_due_at,
    }));
  }

  recentWorkflows(limit: number): WorkflowStamp[] {
    const sql = `${STAMPS} WHERE open = 1 UNION ALL SELECT * FROM (${STAMPS} WHERE open = 0 ORDER BY updated_at DESC LIMIT ?) ORDER BY updated_at DESC`;
    return this.sql.all<StampSql>(sql, limit).map(stamp);
  }

  openWorkflowStamps(): WorkflowStamp[] {
    return this.sql.all<StampSql>(`${STAMPS} WHERE open = 1 ORDER BY id`).map(stamp);
  }

  recentFailures(limit: number): JobFailure[] {
    return this.sql.all<FailureSql>(FAILURES, limit).map((row) => ({
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
