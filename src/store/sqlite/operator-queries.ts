import { readWorkflowState, UnreadableStateError } from "../../engine/stored-state.ts";
import type { WorkflowState } from "../../engine/types.ts";
import type { JobSummary } from "../store.ts";
import type { SqliteDb } from "./sqlite-db.ts";

/** A workflow as the operator's command line lists it; `state` is null (and `problem` says why) when the row cannot be read. */
export interface WorkflowListing {
  id: string;
  open: boolean;
  updatedAt: number;
  state: WorkflowState | null;
  problem: string | null;
}

/** A job queued or running, with who holds its lease. */
export interface QueuedJob extends Omit<JobSummary, "state"> {
  state: "ready" | "leased";
  leaseOwner: string | null;
  leaseExpiresAt: number | null;
}

/** Rows by table. */
export interface TableCounts {
  workflows: number;
  events: number;
  jobs: number;
  effects: number;
  deliveries: number;
  seen: number;
}

interface ListedRow {
  id: string;
  state: string;
  state_version: number;
  open: number;
  updated_at: number;
}

interface QueuedRow {
  id: number;
  kind: string;
  key: string;
  state: "ready" | "leased";
  attempts: number;
  run_at: number;
  last_error: string | null;
  lease_owner: string | null;
  lease_expires_at: number | null;
}

/** The row's state migrated to the newest version, as the store reads it; a row that cannot be read says why. */
function listing(row: ListedRow): WorkflowListing {
  const base = { id: row.id, open: row.open === 1, updatedAt: row.updated_at };
  const source = `workflow ${row.id}`;
  try {
    let json: unknown;
    try {
      json = JSON.parse(row.state);
    } catch (error) {
      throw new UnreadableStateError(source, row.state_version, "invalid", error);
    }
    return { ...base, state: readWorkflowState(json, row.state_version, source), problem: null };
  } catch (error) {
    if (!(error instanceof UnreadableStateError)) throw error;
    return { ...base, state: null, problem: error.message };
  }
}

/** Reads for the operator's command line (`foreman list`, `show`, `top`), beside the running server. */
export class OperatorQueries {
  private readonly sql: SqliteDb;
  constructor(sql: SqliteDb) {
    this.sql = sql;
  }

  /** Every workflow, the most recently changed first; `openOnly` leaves the finished ones out. */
  workflows(openOnly = false): WorkflowListing[] {
    const where = openOnly ? "WHERE open = 1" : "";
    const sql = `SELECT id, state, state_version, open, updated_at FROM workflows ${where} ORDER BY updated_at DESC, id`;
    return this.sql.all<ListedRow>(sql).map(listing);
  }

  /** One workflow as listed; null when there is none. */
  workflow(id: string): WorkflowListing | null {
    const row = this.sql.get<ListedRow>("SELECT id, state, state_version, open, updated_at FROM workflows WHERE id = ?", id);
    return row ? listing(row) : null;
  }

  /** Jobs queued or running, in the order the worker takes them, at most `limit`. */
  queue(limit: number): QueuedJob[] {
    const sql = `SELECT id, kind, key, state, attempts, run_at, last_error, lease_owner, lease_expires_at FROM jobs
      WHERE state IN ('ready', 'leased') ORDER BY state = 'ready', run_at, id LIMIT ?`;
    return this.sql.all<QueuedRow>(sql, limit).map((row) => ({
      id: row.id,
      kind: row.kind,
      key: row.key,
      state: row.state,
      attempts: row.attempts,
      runAt: row.run_at,
      lastError: row.last_error,
      leaseOwner: row.lease_owner,
      leaseExpiresAt: row.lease_expires_at,
    }));
  }

  /** Jobs by state, over the whole queue. */
  jobStates(): Record<string, number> {
    const rows = this.sql.all<{ state: string; n: number }>("SELECT state, count(*) AS n FROM jobs GROUP BY state");
    return Object.fromEntries(rows.map((row) => [row.state, row.n]));
  }

  counts(): TableCounts {
    const count = (table: keyof TableCounts): number => this.sql.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)?.n ?? 0;
    return {
      workflows: count("workflows"),
      events: count("events"),
      jobs: count("jobs"),
      effects: count("effects"),
      deliveries: count("deliveries"),
      seen: count("seen"),
    };
  }

  /** The database's size in bytes (its pages, free ones included) and the free pages' share of it. */
  size(): { bytes: number; freeBytes: number } {
    const pageSize = this.sql.get<{ page_size: number }>("PRAGMA page_size")?.page_size ?? 0;
    const pages = this.sql.get<{ page_count: number }>("PRAGMA page_count")?.page_count ?? 0;
    const free = this.sql.get<{ freelist_count: number }>("PRAGMA freelist_count")?.freelist_count ?? 0;
    return { bytes: pages * pageSize, freeBytes: free * pageSize };
  }

  /** Rewrites the file without its free pages. It holds the write lock while it runs: do it when Foreman is quiet. */
  vacuum(): void {
    this.sql.statement("VACUUM").run();
  }

  /** A consistent copy of the database in `file` (which must not exist), taken while the server runs. */
  backup(file: string): void {
    this.sql.statement("VACUUM INTO ?").run(file);
  }
}
