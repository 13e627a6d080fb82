import { join } from "node:path";
import { loadScenario } from "../../src/sandbox/scenario/index.ts";
import { runScenario, type RunOptions, type RunResult } from "../../src/sandbox/run/run-scenario.ts";

/** Each case gets a minute: the runs take seconds, the margin covers a busy machine. */
export const CASE_TIMEOUT_MS = 60_000;

export function scenarioPath(name: string): string {
  return join(import.meta.dirname, "scenarios", name);
}

/** Loads `scenarios/<name>` and runs it end to end against the real app process. */
export async function runCase(name: string, options: RunOptions = {}): Promise<RunResult> {
  return runScenario(await loadScenario(scenarioPath(name)), options);
}

/** What to read when a run fails: its failures, the timeline and the tail of the app's log. */
export function explain(result: RunResult): string {
  return [
    `failures:\n${result.failures.map((failure) => `  - ${failure}`).join("\n")}`,
    `timeline:\n${result.timeline.join("\n")}`,
    `app log (tail):\n${result.appLogTail}`,
  ].join("\n\n");
}
