import { describe, expect, it } from "vitest";
import { loadBenchScenario, withFaults } from "../../bench/harness/bench-scenario.ts";
import { play } from "@foreman/sandbox";
import { foremanUnderTest } from "../../demo/foreman-under-test.ts";

const TASKS = ["mean", "median", "summary"];

describe("GitHub faults", () => {
  it("never duplicates a comment, a check run or a merge when GitHub did the write and answered 502", async () => {
    const writes = [
      { method: "POST", path: "/repos/*/*/issues/*/comments" },
      { method: "PATCH", path: "/repos/*/*/issues/comments/*" },
      { method: "POST", path: "/repos/*/*/check-runs" },
      { method: "PUT", path: "/repos/*/*/pulls/*/merge" },
      { method: "PATCH", path: "/repos/*/*/issues/*" },
    ];
    const scenario = withFaults(await loadBenchScenario(), {
      github: writes.map((on) => ({ kind: "server_error_after_write", on: { ...on, nth: 1 } })),
    });

    const result = await play(scenario, { world: { app: foremanUnderTest }, tasks: TASKS, timeoutMs: 55_000 });

    expect(result.faults.github.server_error_after_write).toBe(writes.length);
    expect(result.finished, result.appLogTail).toBe(true);
    expect(result.state.appComments).toEqual({ "issue:status": 1 });
    expect(Object.keys(result.state.checkRunsPerTask).sort(), "every task got its check runs").toEqual(expect.arrayContaining(TASKS));
    expect(
      Object.entries(result.state.checkRunsPerKey).filter(([, count]) => count !== 1),
      "check runs made twice",
    ).toEqual([]);
    expect(result.state.mainCommits).toBe(3);
  });

  it("delays, and does not fail, the work on 5xx answers and on secondary and primary rate limits", async () => {
    const scenario = withFaults(await loadBenchScenario(), {
      github: [
        { kind: "server_error", on: { method: "GET", probability: 0.05, seed: 3 } },
        { kind: "secondary_rate_limit", on: { method: "PATCH", path: "/repos/*/*/issues/comments/*", nth: 2 }, retryAfterSeconds: 1 },
        { kind: "primary_rate_limit", on: { method: "POST", path: "/repos/*/*/check-runs", nth: 1 }, retryAfterSeconds: 1 },
      ],
    });

    const result = await play(scenario, { world: { app: foremanUnderTest }, tasks: TASKS, timeoutMs: 55_000 });

    expect(result.faults.github).toMatchObject({ secondary_rate_limit: 1, primary_rate_limit: 1 });
    expect(result.faults.github.server_error ?? 0).toBeGreaterThan(0);
    expect(result.finished, result.appLogTail).toBe(true);
    expect(result.state.mergedTasks).toEqual(TASKS);
  });
});
