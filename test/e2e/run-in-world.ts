import { driveScenario, loadScenario, type Scenario, type ScenarioHooks } from "@foreman/sandbox";
import { foremanUnderTest } from "../../demo/foreman-under-test.ts";
import { scenarioPath } from "./run-case.ts";

/** A run that keeps its world open until the test has looked at it. */
export interface WorldRun<T> {
  failures: string[];
  timeline: string[];
  appLogTail: string;
  observed: T;
}

/** `until` (besides the expectations), `beforeStep` (mid-run looks) and `observe` (before teardown). */
export type WorldRunOptions<T> = Pick<ScenarioHooks<T>, "until" | "beforeStep" | "observe">;

/**
 * Plays a scenario with the one scenario driver against Foreman, and lets the test wait for extra
 * conditions and read the sandbox's state before everything is torn down. Like every run, it ends
 * once the expectations hold and the run has then been quiet for the scenario's `quietSeconds`.
 */
export async function runInWorld<T>(scenario: Scenario, options: WorldRunOptions<T>): Promise<WorldRun<T>> {
  const run = await driveScenario(scenario, { world: { app: foremanUnderTest }, ...options });
  return { failures: run.failures, timeline: run.timeline, appLogTail: run.appLogTail, observed: run.observed };
}

/** Loads `scenarios/<name>` and plays it with `runInWorld`. */
export async function runCaseInWorld<T>(name: string, options: WorldRunOptions<T>): Promise<WorldRun<T>> {
  return runInWorld(await loadScenario(scenarioPath(name)), options);
}
