import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { describe, expect, it, onTestFinished } from "vitest";
import { DatabaseVersionError } from "../../../src/store/sqlite/sqlite-db.ts";
import { MIGRATIONS } from "../../../src/store/sqlite/schema.ts";
import { SqliteStore } from "../../../src/store/sqlite/sqlite-store.ts";
import { previousReleaseDatabase, rawWorkflowColumn, rowFixture } from "./previous-release.ts";

function userVersion(path: string): unknown {
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    return db.prepare("PRAGMA user_version").get()?.user_version;
  } finally {
    db.close();
  }
}

describe("schema migrations", () => {
  it("brings a database made by an earlier version up to date, keeping its queued jobs", () => {
    const dir = mkdtempSync(join(tmpdir(), "foreman-migrate-"));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, "foreman.db");
    const old = new DatabaseSync(path);
    for (const migration of MIGRATIONS.slice(0, 2)) old.exec(migration);
    old.exec("PRAGMA user_version = 2");
    old.prepare("INSERT INTO jobs (kind, key, payload, run_at) VALUES ('event', 'w1', '{}', 0)").run();
    old.close();

    const store = new SqliteStore(path);
    const job = store.leaseJob("worker-a", 1_000, 60_000);
    store.close();

    expect(job).toMatchObject({ kind: "event", attempts: 1, waits: 0 });
  });

  it("opens the previous release's database with its workflow rows, which keep state version 1 until they are saved", () => {
    const row = rowFixture("workflow-v1.json");
    const path = previousReleaseDatabase([row, rowFixture("workflow-v1-before-qa.json")]);

    const store = new SqliteStore(path);
    const ids = store.openWorkflows().map((record) => record.id);
    store.close();

    expect(userVersion(path)).toBe(MIGRATIONS.length);
    expect(ids).toEqual(["acme/calculator#12", "octo-org/todo.app#3"]);
    expect(rawWorkflowColumn(path, row.id, "state_version")).toBe(1);
    expect(rawWorkflowColumn(path, row.id, "state")).toBe(row.state);
  });

  it("refuses a database a newer Foreman migrated further, leaving it as it was", () => {
    const path = previousReleaseDatabase([]);
    const newer = new DatabaseSync(path);
    newer.exec(`PRAGMA user_version = ${MIGRATIONS.length + 1}`);
    newer.close();

    expect(() => new SqliteStore(path)).toThrow(DatabaseVersionError);
    expect(() => new SqliteStore(path)).toThrow(
      `has schema version ${MIGRATIONS.length + 1}, newer than this Foreman's ${MIGRATIONS.length}`,
    );
    expect(userVersion(path)).toBe(MIGRATIONS.length + 1);
  });
});
