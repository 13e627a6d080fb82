import { join } from "node:path";
import { driveScenario, loadScenario, type ScenarioHooks } from "@foreman/sandbox";
import { foremanUnderTest } from "../../demo/foreman-under-test.ts";
import type { WorldRun } from "../e2e/run-in-world.ts";

export interface AttackOptions<T> extends Pick<ScenarioHooks<T>, "beforeStep" | "afterSteps" | "observe"> {
  /** Extra environment for the app process (a canary model key, a lower workflow cap). */
  appEnv?: Record<string, string>;
}

function attackScenario(name: string): string {
  return join(import.meta.dirname, "scenarios", name);
}

/**
 * Plays an attack scenario from `scenarios/` against the real app process with the one scenario
 * driver. The run ends once the expectations hold and both sides have been quiet for the
 * scenario's `quietSeconds`, so that a case about what must NOT happen sees everything the app did.
 */
export async function runAttack<T>(name: string, options: AttackOptions<T>): Promise<WorldRun<T>> {
  const { appEnv, ...hooks } = options;
  const world = { app: foremanUnderTest, ...(appEnv ? { appEnv } : {}) };
  const run = await driveScenario(await loadScenario(attackScenario(name)), { world, ...hooks });
  return { failures: run.failures, timeline: run.timeline, appLogTail: run.appLogTail, observed: run.observed };
}
