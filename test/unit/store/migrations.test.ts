import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { describe, expect, it, onTestFinished } from "vitest";
import { MIGRATIONS } from "../../../src/store/sqlite/schema.ts";
import { SqliteStore } from "../../../src/store/sqlite/sqlite-store.ts";

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
});
