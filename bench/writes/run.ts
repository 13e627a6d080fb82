/**
 * One run of the writes bench: a scenario through the whole app in the sandbox, its successful
 * writes by the app counted against the floor. `bench/writes.ts` and `bench/throughput.ts` run it.
 */
import { fileURLToPath } from "node:url";
import { driveScenario, loadScenario } from "@foreman/sandbox";
import { foremanUnderTest } from "../../demo/foreman-under-test.ts";
import { countWrites, type LoggedWrite, type WriteCounts } from "./count.ts";

/** The demo's three-task issue: the scenario the writes are counted on by default. */
export const DEMO_SCENARIO = fileURLToPath(new URL("../../demo/scenarios/three-task-feature.yml", import.meta.url));

/** The goal of "Throughput": at most 1.25 times the floor. */
export const GOAL_RATIO = 1.25;

export type WritesRun =
  { ok: true; scenario: string; counts: WriteCounts; seconds: number } | { ok: false; scenario: string; failures: string[] };

/**
 * Runs the scenario file at `path` and counts the writes GitHub took from the app; `throttle: "on"`
 * paces the app's writes as against GitHub (off by default, as the demo runs).
 */
export async function runWrites(path: string, throttle: "on" | "off" = "off"): Promise<WritesRun> {
  const scenario = await loadScenario(path);
  const started = Date.now();
  const run = await driveScenario(scenario, {
    world: { app: foremanUnderTest, realModel: null, appLogLevel: "info", appEnv: { FOREMAN_GITHUB_THROTTLE: throttle } },
    stopWhenQuiet: true,
    observe: (world): LoggedWrite[] =>
      world.github.requestLog
        .all()
        .filter((entry) => entry.write && (entry.actor === world.botLogin || entry.actor === world.app.slug))
        .map((entry) => ({ operationId: entry.operationId, status: entry.status, body: entry.body })),
  });
  if (!run.ok) return { ok: false, scenario: scenario.name, failures: run.failures };
  const seconds = Math.round((Date.now() - started) / 100) / 10;
  return { ok: true, scenario: scenario.name, counts: countWrites(run.observed, run.figures.taskIds.length), seconds };
}
