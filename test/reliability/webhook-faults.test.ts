import { describe, expect, it } from "vitest";
import { loadBenchScenario, withFaults } from "../../bench/harness/bench-scenario.ts";
import { play } from "@foreman/sandbox";
import { foremanUnderTest } from "../../demo/foreman-under-test.ts";

const TASKS = ["mean", "median", "summary"];
const ONE_EACH = { "issue:status": 1 };

describe("webhook faults", () => {
  it("handles duplicated and reordered deliveries: a replayed delivery id is a no-op", async () => {
    const scenario = withFaults(await loadBenchScenario(), { webhooks: { duplicate: 0.3, reorder: 0.3, seed: 11 } });

    const result = await play(scenario, { world: { app: foremanUnderTest }, tasks: TASKS, timeoutMs: 50_000 });

    expect(result.faults.webhooks.duplicate ?? 0).toBeGreaterThan(0);
    expect(result.faults.webhooks.reorder ?? 0).toBeGreaterThan(0);
    expect(result.finished, result.appLogTail).toBe(true);
    expect(result.state.appComments).toEqual(ONE_EACH);
  });

  it("loses only time when the label, a CI result, a merge and a command never arrive: the reconciler feeds them in", async () => {
    const drop = ["issues.labeled", "check_suite.completed#1", "pull_request.closed#1", "issue_comment.created#1"];
    const scenario = withFaults(await loadBenchScenario(), { webhooks: { drop } });

    const result = await play(scenario, { world: { app: foremanUnderTest }, tasks: TASKS, timeoutMs: 50_000 });

    expect(result.faults.webhooks.drop).toBe(drop.length);
    expect(result.finished, result.appLogTail).toBe(true);
    expect(result.state.mergedTasks).toEqual(TASKS);
    expect(result.state.appComments).toEqual(ONE_EACH);
  });
});
