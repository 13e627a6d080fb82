import { describe, expect, it } from "vitest";
import { loadBenchScenario } from "../../bench/harness/bench-scenario.ts";
import { compareWithBaseline } from "../../bench/harness/compare.ts";
import type { Disruption } from "../../bench/harness/disruptions.ts";
import { play } from "../../bench/harness/play.ts";

const TASKS = ["mean", "median", "summary"];

/** Kills spread over the run: while planning, while coding and CI run, and around the merges. */
const KILLS: Disruption[] = [
  { kind: "kill", at: { afterDeliveries: 3 } },
  { kind: "kill", at: { afterDeliveries: 20 } },
  { kind: "kill", at: { afterDeliveries: 45 } },
];

describe("crash recovery (kill -9 and restart)", () => {
  it("completes after three kills with the same final state as an uninterrupted run: no duplicate, no lost task", async () => {
    const scenario = await loadBenchScenario();
    const baseline = await play(scenario, { tasks: TASKS, timeoutMs: 40_000 });

    const crashed = await play(scenario, { tasks: TASKS, timeoutMs: 60_000, disruptions: KILLS });
    const comparison = compareWithBaseline(crashed.state, baseline.state);

    expect(baseline.finished, baseline.appLogTail).toBe(true);
    expect(crashed.disruptions.filter((kill) => kill.firedAtMs !== null)).toHaveLength(3);
    expect(crashed.finished, crashed.appLogTail).toBe(true);
    expect(comparison).toEqual({ completed: true, duplicates: [], lostTasks: [], differences: [] });
  }, 120_000);
});
