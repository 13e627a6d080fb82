import { readFile } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import { performStep, expectationFailures, conditionHolds, collectFigures, describeDelivery, createWorld, type World, loadScenario, type Scenario } from "@foreman/sandbox";
import { foremanUnderTest } from "../../demo/foreman-under-test.ts";
import { scenarioPath } from "./run-case.ts";

/** A run that keeps its world open until the test has looked at it. */
export interface WorldRun<T> {
  failures: string[];
  timeline: string[];
  appLogTail: string;
  observed: T;
}

export interface WorldRunOptions<T> {
  /** Besides the scenario's expectations, what must hold before the run ends (checked on every poll). */
  until?: (world: World) => boolean;
  /** Reads what the test asserts on, before the world is closed. */
  observe: (world: World) => T | Promise<T>;
  /**
   * Also wait until both sides have been idle for a while (no app job, no webhook in flight), so
   * that a case about what must NOT happen sees everything the app did, not just its first reply.
   */
  quiet?: boolean;
  /** Runs before each step's action (after its `when` held), to look at the world mid-run. */
  beforeStep?: (world: World, index: number) => void | Promise<void>;
}

const POLL_MS = 200;
/** Polls in a row with nothing in flight before the run counts as quiet (as in the scenario runner). */
const QUIET_POLLS = 15;

function deliveryLines(world: World): string[] {
  return world.github.webhooks.deliveries().flatMap((delivery) => describeDelivery(delivery) ?? []);
}

export async function waitFor(check: () => boolean | Promise<boolean>, deadline: number): Promise<boolean> {
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(POLL_MS);
  }
  return check();
}

async function playSteps(world: World, deadline: number, beforeStep: WorldRunOptions<unknown>["beforeStep"]): Promise<string[]> {
  for (const [index, step] of world.scenario.steps.entries()) {
    const when = step.when;
    if (when && !(await waitFor(() => conditionHolds(world, when), deadline))) {
      return [`${step.name ?? `steps[${index}]`}: its condition never held (${JSON.stringify(when)})`];
    }
    await beforeStep?.(world, index);
    await performStep(world, step);
  }
  return [];
}

/** The expectations that fail now; while polling, the costly default-branch CI run is taken as expected and run once at the end. */
async function currentFailures(world: World, startedAt: number, final: boolean): Promise<string[]> {
  const expectedCi = world.scenario.expect.defaultBranch?.ciPasses;
  const withCi = final && expectedCi !== undefined;
  const figures = await collectFigures(world, startedAt, withCi);
  return expectationFailures(world, final ? figures : { ...figures, defaultBranchCi: expectedCi ?? null });
}

/** A check that holds once both sides have had nothing in flight for `polls` polls in a row. */
function quietness(world: World, polls = QUIET_POLLS): () => boolean {
  let streak = 0;
  return () => {
    const idle = world.appPendingJobs() === 0 && world.github.webhooks.deliveries().every((delivery) => delivery.status !== "pending");
    streak = idle ? streak + 1 : 0;
    return streak >= polls;
  };
}

/** Waits (up to `timeoutMs`) until the app and the sandbox have been idle for `polls` polls in a row. */
export async function waitQuiet(world: World, polls: number, timeoutMs: number): Promise<boolean> {
  return waitFor(quietness(world, polls), Date.now() + timeoutMs);
}

/**
 * Plays a scenario like `runScenario` does (the same world, steps and expectations), but lets the
 * test wait for extra conditions and read the sandbox's state before everything is torn down.
 */
export async function runInWorld<T>(scenario: Scenario, options: WorldRunOptions<T>): Promise<WorldRun<T>> {
  const startedAt = Date.now();
  const deadline = startedAt + scenario.timeoutSeconds * 1000;
  const world = await createWorld(scenario, { app: foremanUnderTest, appLogLevel: "info" });
  try {
    let failures = await playSteps(world, deadline, options.beforeStep);
    if (failures.length === 0) {
      const until = options.until ?? (() => true);
      const quiet = options.quiet ? quietness(world) : () => true;
      await waitFor(async () => quiet() && until(world) && (await currentFailures(world, startedAt, false)).length === 0, deadline);
      await world.github.settle();
      failures = await currentFailures(world, startedAt, true);
      if (!until(world)) failures.push("the test's extra condition never held");
    }
    const observed = await options.observe(world);
    const appLogTail = failures.length > 0 ? (await readFile(world.appLog, "utf8").catch(() => "")).split("\n").slice(-40).join("\n") : "";
    return { failures, timeline: deliveryLines(world), appLogTail, observed };
  } finally {
    await world.close();
  }
}

/** Loads `scenarios/<name>` and plays it with `runInWorld`. */
export async function runCaseInWorld<T>(name: string, options: WorldRunOptions<T>): Promise<WorldRun<T>> {
  return runInWorld(await loadScenario(scenarioPath(name)), options);
}
