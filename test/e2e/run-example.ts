import { runScenario, type Scenario } from "@foreman/sandbox";
import { expect } from "vitest";
import { foremanUnderTest } from "../../demo/foreman-under-test.ts";
import { explain } from "./run-case.ts";

/** Room beyond a scenario's own `timeoutSeconds` for starting and stopping the app and the sandbox. */
const MARGIN_MS = 30_000;

/** Runs a scenario end to end against Foreman and asserts that its own expectations held. */
export async function runsToItsExpectations(scenario: Scenario): Promise<void> {
  const result = await runScenario(scenario, { app: foremanUnderTest });

  expect(result.failures, explain(result)).toEqual([]);
  expect(result.ok).toBe(true);
}

/** A test's timeout for running the scenario: its own, with room to start and stop. */
export function runTimeoutMs(scenario: Scenario): number {
  return scenario.timeoutSeconds * 1000 + MARGIN_MS;
}
