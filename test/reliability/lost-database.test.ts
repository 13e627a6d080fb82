import { describe, expect, it } from "vitest";
import { loadBenchScenario } from "../../bench/harness/bench-scenario.ts";
import { play } from "@foreman/sandbox";
import { foremanUnderTest } from "../../demo/foreman-under-test.ts";

const TASKS = ["mean", "median", "summary"];

describe("a lost database", () => {
  it("is rebuilt from the status comment's snapshot and GitHub's state, and the work completes without a duplicate", async () => {
    const result = await play(await loadBenchScenario(), {
      world: { app: foremanUnderTest },
      tasks: TASKS,
      timeoutMs: 50_000,
      disruptions: [{ kind: "lose_database", at: { afterDeliveries: 25 } }],
    });

    expect(result.disruptions[0]?.firedAtMs).not.toBeNull();
    expect(result.finished, result.appLogTail).toBe(true);
    expect(result.state.mergedTasks).toEqual(TASKS);
    expect(Object.values(result.state.pullsPerTask)).toEqual([1, 1, 1]);
    expect(result.state.appComments).toEqual({ "issue:status": 1 });
  });
});
