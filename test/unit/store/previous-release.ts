import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { z } from "zod";
import { onTestFinished } from "vitest";
import type { CommentInfo } from "../../../src/ports/github-types.ts";
import { MIGRATIONS } from "../../../src/store/sqlite/schema.ts";

/** The schema migrations the release before state versions had: the `workflows` table has no `state_version`. */
const PREVIOUS_SCHEMA = MIGRATIONS.slice(0, 3);

const FIXTURES = new URL("./fixtures/", import.meta.url);

/** A `workflows` row as `SELECT id, state, version, open, updated_at` read it from the release that wrote it. */
const WorkflowRow = z.object({ id: z.string(), state: z.string(), version: z.int(), open: z.int(), updated_at: z.int() });
export type WorkflowRow = z.infer<typeof WorkflowRow>;

export type RowFixture = "workflow-v1.json" | "workflow-v1-before-qa.json";
export type CommentFixture = "status-comment-v1.md" | "status-comment-v1-before-qa.md";

export function rowFixture(name: RowFixture): WorkflowRow {
  return WorkflowRow.parse(JSON.parse(readFileSync(new URL(name, FIXTURES), "utf8")));
}

/** The state JSON of a row fixture, exactly as it was stored. */
export function storedJson(row: WorkflowRow): unknown {
  return JSON.parse(row.state);
}

export const BOT = "foreman[bot]";

/** A status comment fixture as the reconciler lists it: written by the app. */
export function commentFixture(name: CommentFixture, id = 9001): CommentInfo {
  const body = readFileSync(new URL(name, FIXTURES), "utf8");
  return { id, nodeId: `IC_${id}`, author: BOT, authorType: "Bot", body, createdAt: 1, updatedAt: 2 };
}

export interface OldJob {
  kind: string;
  key: string;
  payload: string;
}

/**
 * A database file as the previous release left it (its schema, its rows, its queued jobs), removed
 * when the test ends. Returns its path, for a store to open.
 */
export function previousReleaseDatabase(rows: WorkflowRow[], jobs: OldJob[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), "foreman-previous-"));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, "foreman.db");
  const db = new DatabaseSync(path);
  for (const migration of PREVIOUS_SCHEMA) db.exec(migration);
  db.exec(`PRAGMA user_version = ${PREVIOUS_SCHEMA.length}`);
  for (const row of rows) {
    db.prepare("INSERT INTO workflows (id, state, version, open, updated_at) VALUES (?, ?, ?, ?, ?)").run(
      row.id,
      row.state,
      row.version,
      row.open,
      row.updated_at,
    );
  }
  for (const job of jobs)
    db.prepare("INSERT INTO jobs (kind, key, payload, run_at) VALUES (?, ?, ?, 0)").run(job.kind, job.key, job.payload);
  db.close();
  return path;
}

/** Reads one column of a workflow row straight from the file, as an operator would. */
export function rawWorkflowColumn(path: string, id: string, column: "state" | "state_version"): unknown {
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    const row = db.prepare(`SELECT ${column} AS value FROM workflows WHERE id = ?`).get(id);
    return row?.value;
  } finally {
    db.close();
  }
}
