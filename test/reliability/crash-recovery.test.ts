import { beforeAll, describe, expect, it } from "vitest";
import { loadBenchScenario } from "../../bench/harness/bench-scenario.ts";
import { compareWithBaseline, type Disruption, play, type PlayResult, type World, type Scenario } from "@foreman/sandbox";
import { databaseOf, foremanUnderTest } from "../../demo/foreman-under-test.ts";
import { auditReport } from "../../src/cli/audit.ts";
import { replayWorkflow } from "../../src/cli/replay.ts";
import type { WorkflowState } from "../../src/engine/types.ts";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.ts";

const TASKS = ["mean", "median", "summary"];

/**
 * Kills spread over the run (about 80 webhooks): while planning, once the pull requests are open, and
 * after the first merge. None falls between a head's push and an `/approve` of it: an approval written
 * before Foreman learned of the head binds to nothing (G1) and asks for `/approve <sha>`, which this
 * scenario does not answer.
 */
/**
 * Three kills: early, mid-run, and late (at 40 deliveries, or sooner when the uninterrupted run had
 * few more than that, so that the last kill always falls inside the run).
 */
function kills(baselineDeliveries: number): Disruption[] {
  return [3, 20, Math.min(40, Math.floor(baselineDeliveries * 0.75))].map((afterDeliveries) => ({ kind: "kill", at: { afterDeliveries } }));
}

interface Audit {
  stored: WorkflowState | null;
  replayed: WorkflowState | null;
  kinds: string[];
  report: string;
}

/** What the app's database says about the run's workflow, read before the world is torn down. */
function readAudit(world: World, into: Audit): void {
  const store = new SqliteStore(databaseOf(world.dataDir));
  try {
    const id = `${world.repo.owner.login}/${world.repo.name}#${world.issueNumber}`.toLowerCase();
    const events = store.events(id);
    Object.assign(into, {
      stored: store.getWorkflow(id)?.state ?? null,
      replayed: replayWorkflow(events),
      kinds: events.map((event) => event.kind),
      report: auditReport(store, id),
    });
  } finally {
    store.close();
  }
}

describe("an uninterrupted run and a crashed one", () => {
  let scenario: Scenario;
  let baseline: PlayResult;
  const audit: Audit = { stored: null, replayed: null, kinds: [], report: "" };

  beforeAll(async () => {
    scenario = await loadBenchScenario();
    baseline = await play(scenario, {
      world: { app: foremanUnderTest },
      tasks: TASKS,
      timeoutMs: 55_000,
      inspect: (world) => readAudit(world, audit),
    });
  });

  it("rebuilds the stored workflow state by replaying the recorded events, which the audit prints", () => {
    expect(baseline.finished, baseline.appLogTail).toBe(true);
    expect(audit.stored?.phase).toBe("completed");
    expect(audit.replayed).toEqual(audit.stored);
    expect(audit.kinds).toContain("effect_result");
    expect(audit.report).toMatch(/approve_plan\s+maya/);
    expect(audit.report).toContain("gives the stored state");
  });

  it("completes after three kill -9 and restarts with the same final state as the uninterrupted run: no duplicate, no lost task", async () => {
    const crashed = await play(scenario, {
      world: { app: foremanUnderTest },
      tasks: TASKS,
      timeoutMs: 60_000,
      disruptions: kills(baseline.deliveries),
    });
    const comparison = compareWithBaseline(crashed.state, baseline.state);

    expect(crashed.disruptions.filter((kill) => kill.firedAtMs !== null)).toHaveLength(3);
    expect(crashed.finished, crashed.appLogTail).toBe(true);
    expect(comparison).toEqual({ completed: true, duplicates: [], lostTasks: [], differences: [] });
  });
});
