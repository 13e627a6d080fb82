import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadBenchScenario } from "../../bench/harness/bench-scenario.ts";
import { play } from "../../bench/harness/play.ts";
import { auditReport } from "../../src/cli/audit.ts";
import { replayWorkflow } from "../../src/cli/replay.ts";
import type { WorkflowState } from "../../src/engine/types.ts";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.ts";

const TASKS = ["mean", "median", "summary"];

describe("the audit trail of a real run", () => {
  it("rebuilds the stored workflow state by replaying the recorded events, and prints them", async () => {
    const observed: { replayed: WorkflowState | null; stored: WorkflowState | null; report: string; kinds: string[] } = { replayed: null, stored: null, report: "", kinds: [] };

    const result = await play(await loadBenchScenario(), {
      tasks: TASKS,
      timeoutMs: 50_000,
      inspect: (world) => {
        const store = new SqliteStore(join(world.dir, "foreman.db"));
        try {
          const id = `${world.repo.owner.login}/${world.repo.name}#${world.issueNumber}`.toLowerCase();
          const events = store.events(id);
          observed.replayed = replayWorkflow(events);
          observed.stored = store.getWorkflow<WorkflowState>(id)?.state ?? null;
          observed.report = auditReport(store, id);
          observed.kinds = events.map((event) => event.kind);
        } finally {
          store.close();
        }
      },
    });

    expect(result.finished, result.appLogTail).toBe(true);
    expect(observed.stored?.phase).toBe("completed");
    expect(observed.replayed).toEqual(observed.stored);
    expect(observed.kinds).toContain("effect_result");
    expect(observed.report).toContain("replaying the");
    expect(observed.report).toContain("gives the stored state");
    expect(observed.report).toMatch(/approve_plan\s+maya/);
  }, 60_000);
});
