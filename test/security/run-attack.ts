import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { performStep, expectationFailures, conditionHolds, collectFigures, describeDelivery, createWorld, type World, loadScenario } from "@foreman/sandbox";
import { foremanUnderTest } from "../../demo/foreman-under-test.ts";
import { waitFor, waitQuiet, type WorldRun } from "../e2e/run-in-world.ts";

/** Each attack gets a minute: the runs take seconds, the margin covers a busy machine. */
export const ATTACK_TIMEOUT_MS = 60_000;

/** Polls (200 ms each) with nothing in flight before a run counts as quiet. */
const QUIET_POLLS = 15;

export interface AttackOptions<T> {
  /** Extra environment for the app process (a canary model key, a lower workflow cap). */
  appEnv?: Record<string, string>;
  /** Runs before each step's action (after its `when` held), to look at or act on the world mid-run. */
  beforeStep?: (world: World, index: number) => void | Promise<void>;
  /** Runs after the last step, while the world is still open (forged or replayed deliveries). */
  afterSteps?: (world: World) => void | Promise<void>;
  /** Reads what the test asserts on, before the world is closed. */
  observe: (world: World) => T | Promise<T>;
}

export function attackScenario(name: string): string {
  return join(import.meta.dirname, "scenarios", name);
}

async function playSteps<T>(world: World, deadline: number, options: AttackOptions<T>): Promise<string[]> {
  for (const [index, step] of world.scenario.steps.entries()) {
    const when = step.when;
    if (when && !(await waitFor(() => conditionHolds(world, when), deadline))) {
      return [`${step.name ?? `steps[${index}]`}: its condition never held (${JSON.stringify(when)})`];
    }
    await options.beforeStep?.(world, index);
    await performStep(world, step);
  }
  return [];
}

async function finalFailures(world: World, startedAt: number, deadline: number): Promise<string[]> {
  const expectedCi = world.scenario.expect.defaultBranch?.ciPasses;
  const polling = async (): Promise<boolean> => {
    const figures = await collectFigures(world, startedAt, false);
    return (await expectationFailures(world, { ...figures, defaultBranchCi: expectedCi ?? null })).length === 0;
  };
  await waitFor(polling, deadline);
  await waitQuiet(world, QUIET_POLLS, Math.max(0, deadline - Date.now()));
  await world.github.settle();
  return expectationFailures(world, await collectFigures(world, startedAt, expectedCi !== undefined));
}

/**
 * Plays an attack scenario from `scenarios/` against the real app process, like the end-to-end
 * runner, then waits until both sides are quiet, so that a case about what must NOT happen sees
 * everything the app did. The world stays open for `afterSteps` and `observe`.
 */
export async function runAttack<T>(name: string, options: AttackOptions<T>): Promise<WorldRun<T>> {
  const scenario = await loadScenario(attackScenario(name));
  const startedAt = Date.now();
  const deadline = startedAt + scenario.timeoutSeconds * 1000;
  const world = await createWorld(scenario, { app: foremanUnderTest, appLogLevel: "info", ...(options.appEnv ? { appEnv: options.appEnv } : {}) });
  try {
    let failures = await playSteps(world, deadline, options);
    if (failures.length === 0) {
      await options.afterSteps?.(world);
      failures = await finalFailures(world, startedAt, deadline);
    }
    const observed = await options.observe(world);
    const appLogTail = failures.length > 0 ? (await readFile(world.appLog, "utf8").catch(() => "")).split("\n").slice(-40).join("\n") : "";
    const timeline = world.github.webhooks.deliveries().flatMap((delivery) => describeDelivery(delivery) ?? []);
    return { failures, timeline, appLogTail, observed };
  } finally {
    await world.close();
  }
}
