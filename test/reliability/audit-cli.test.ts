import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it, onTestFinished } from "vitest";
import { AuditTargetError, parseAuditTarget } from "../../src/cli/audit.ts";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.ts";
import { executingWorkflow, NOW } from "./reconcile-fixture.ts";

const run = promisify(execFile);
const CLI = join(import.meta.dirname, "../../src/cli/foreman.ts");

function databaseWithOneWorkflow(): string {
  const dir = mkdtempSync(join(tmpdir(), "foreman-audit-"));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, "foreman.db");
  const store = new SqliteStore(path);
  const state = executingWorkflow();
  const event = { type: "approve_task", taskId: "mean", by: "maya", sha: "a".repeat(40) };
  store.saveWorkflow(
    state.id,
    state,
    0,
    true,
    [],
    [
      {
        workflowId: state.id,
        at: NOW,
        kind: "approve_task",
        actor: "maya",
        deliveryId: "d-77",
        data: { event, ignored: null, phase: "executing", effects: [{ type: "update_status" }] },
      },
    ],
  );
  store.close();
  return path;
}

describe("foreman audit", () => {
  it("reads owner/repo#issue as the workflow id, and owner/repo as the repository's key", () => {
    expect(parseAuditTarget("Acme/Stats#12")).toBe("acme/stats#12");
    expect(parseAuditTarget("Acme/Stats")).toBe("acme/stats");
    expect(() => parseAuditTarget("acme-stats")).toThrow(AuditTargetError);
    expect(() => parseAuditTarget("acme/stats#0")).toThrow(AuditTargetError);
  });

  it("prints each recorded event with its time, kind, actor, delivery id, SHA, outcome and effects", async () => {
    const path = databaseWithOneWorkflow();

    const { stdout } = await run(process.execPath, [CLI, "audit", "acme/stats#1"], { env: { ...process.env, FOREMAN_DB_PATH: path } });

    expect(stdout).toContain("Workflow acme/stats#1: executing, version 1, open");
    expect(stdout).toMatch(/approve_task\s+maya\s+d-77\s+aaaaaaa\s+applied → executing/);
    expect(stdout).toContain("effects: update_status");
  });

  it("explains its usage and exits 2 for a target it cannot read", async () => {
    const path = databaseWithOneWorkflow();

    const failure = await run(process.execPath, [CLI, "audit", "acme-stats"], { env: { ...process.env, FOREMAN_DB_PATH: path } }).catch(
      (error: unknown) => error,
    );

    expect(failure).toMatchObject({ code: 2 });
    expect(String((failure as { stderr: string }).stderr)).toContain("usage: foreman audit");
  });
});
