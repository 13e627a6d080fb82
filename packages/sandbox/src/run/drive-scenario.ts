import { copyFile, readFile } from "node:fs/promises";
import { startDisruptions, type Disruption, type DisruptionRecord } from "../bench/disruptions.ts";
import type { Scenario } from "../scenario/index.ts";
import { expectationFailures } from "./expectations.ts";
import { QuietClock, quietMsOf, STALLED_AFTER_SECONDS } from "./idle.ts";
import { playSteps } from "./play-steps.ts";
import { collectFigures, type RunFigures } from "./summary.ts";
import { LogNarrator } from "./log-narrator.ts";
import { Timeline } from "./timeline.ts";
import { waitFor } from "./wait-for.ts";
import { createWorld, type World, type WorldOptions } from "./world.ts";

/** Where a caller looks at or acts on the world during a run. */
export interface ScenarioHooks<T> {
  /** Once the world is up, before the first step (e.g. to arm a fault or note the initial state). */
  onStart?: (world: World) => void | Promise<void>;
  /** Before each step's action, once its `when` held (to look at the world mid-run). */
  beforeStep?: (world: World, index: number) => void | Promise<void>;
  /** After the last step, before the run waits for its end (forged deliveries, more issues). */
  afterSteps?: (world: World) => void | Promise<void>;
  /** Besides the scenario's expectations, what must hold before the run ends. */
  until?: (world: World) => boolean | Promise<boolean>;
  /** Reads what the caller asserts on, after the run was judged and before the world is torn down; `finished` as in the result. */
  observe: (world: World, end: { finished: boolean }) => T | Promise<T>;
}

export interface DriveOptions<T> extends ScenarioHooks<T> {
  /** The app under test and how to run it. */
  world: WorldOptions;
  /** The run's time limit; the scenario's `timeoutSeconds` when not given. */
  timeoutMs?: number;
  /** Crashes to inflict on the app during the run. */
  disruptions?: Disruption[];
  /** false: the run is judged by `until` alone, not by the scenario's `expect` (the bench compares final states instead). */
  checkExpectations?: boolean;
  /** End the run as soon as it is quiet even when what it waits for does not hold, rather than at its deadline. */
  stopWhenQuiet?: boolean;
  /** Receives each timeline line as it happens. */
  onTimeline?: (line: string) => void;
  /** Where to copy the app's whole log when the run fails. */
  keepLogAs?: string;
}

export interface ScenarioRun<T> {
  ok: boolean;
  /** Everything that went wrong, in words: steps that could not run, expectations that do not hold. */
  failures: string[];
  /** The steps that could not run (a `when` that never held, an action GitHub refused). */
  stepFailures: string[];
  /** What the run waits for held and the run then stayed quiet, before the deadline. */
  finished: boolean;
  figures: RunFigures;
  timeline: string[];
  /** The last lines of the app's log when the run failed; empty otherwise. */
  appLogTail: string;
  observed: T;
  disruptions: DisruptionRecord[];
}

const LOG_TAIL_LINES = 40;

async function tail(path: string): Promise<string> {
  const text = await readFile(path, "utf8").catch(() => "");
  return text.split("\n").slice(-LOG_TAIL_LINES).join("\n");
}

/** The expectations while the run is polled: the costly default-branch CI run is taken as expected and run once at the end. */
async function pollingFailures(world: World, startedAt: number): Promise<string[]> {
  const figures = await collectFigures(world, startedAt, false);
  return expectationFailures(world, { ...figures, defaultBranchCi: world.scenario.expect.defaultBranch?.ciPasses ?? null });
}

interface EndWatch {
  clock: QuietClock;
  deadline: number;
  poll: () => void;
  done: () => Promise<boolean>;
  stopWhenQuiet: boolean;
}

/**
 * Waits for the run's end: what it waits for holds and the run has been quiet for the scenario's
 * `quietSeconds`, so a late wrong action is still seen. While quiet and not done it looks again
 * once per quiet period (the checks read git); with `stopWhenQuiet` it gives up once stalled.
 * True when the run ended so before the deadline.
 */
async function awaitEnd(world: World, watch: EndWatch): Promise<boolean> {
  const quietMs = quietMsOf(world);
  const stalledMs = Math.max(quietMs, STALLED_AFTER_SECONDS * 1000);
  let finished = false;
  let checkedAt = Number.NEGATIVE_INFINITY;
  await waitFor(async () => {
    watch.poll();
    const idleMs = watch.clock.idleMs(quietMs);
    if (idleMs < quietMs) return false;
    if (Date.now() - checkedAt >= quietMs) {
      checkedAt = Date.now();
      finished = await watch.done();
      if (finished) return true;
    }
    return watch.stopWhenQuiet && idleMs >= stalledMs;
  }, watch.deadline);
  return finished;
}

/**
 * The one scenario driver: starts the world (the sandbox GitHub and model, the app under test),
 * plays the steps, waits for the end by the idle rule, judges the expectations, lets the caller
 * observe, and tears the world down. Every runner, test helper and benchmark goes through it.
 */
export async function driveScenario<T>(scenario: Scenario, options: DriveOptions<T>): Promise<ScenarioRun<T>> {
  const startedAt = Date.now();
  const deadline = startedAt + (options.timeoutMs ?? scenario.timeoutSeconds * 1000);
  const checkExpectations = options.checkExpectations ?? true;
  const world = await createWorld(scenario, { appLogLevel: "info", ...options.world });
  const { app } = options.world;
  const narrator = app.narrate ? new LogNarrator(world.appLog, (entry) => app.narrate?.(entry) ?? null) : null;
  const timeline = new Timeline(
    () => world.github.webhooks.deliveries(),
    options.onTimeline,
    () => world.model?.toolCalls() ?? [],
    () => narrator?.read() ?? [],
  );
  try {
    timeline.add(
      `sandbox ready: ${scenario.repository.owner}/${scenario.repository.name}, issue #${world.issueNumber} "${scenario.issue.title}"`,
    );
    await options.onStart?.(world);
    const disruptions = startDisruptions(world, options.disruptions ?? [], startedAt);
    const clock = new QuietClock(world, () => disruptions.underWay());
    const poll = (): void => {
      timeline.poll();
      clock.idleMs(quietMsOf(world));
    };
    const stalled = (): boolean => clock.idleMs(quietMsOf(world)) >= quietMsOf(world);
    const note = (line: string): void => timeline.add(line);
    const stepFailures = await playSteps(world, { deadline, poll, note, beforeStep: options.beforeStep, stalled });
    if (stepFailures.length === 0) await options.afterSteps?.(world);
    const done = async (): Promise<boolean> =>
      (!checkExpectations || (await pollingFailures(world, startedAt)).length === 0) && ((await options.until?.(world)) ?? true);
    const finished =
      stepFailures.length === 0 &&
      (await awaitEnd(world, { clock, deadline, poll: () => timeline.poll(), done, stopWhenQuiet: options.stopWhenQuiet ?? false }));
    const fired = await disruptions.stop();
    await world.github.settle();
    timeline.poll();
    const figures = await collectFigures(world, startedAt, checkExpectations && scenario.expect.defaultBranch?.ciPasses !== undefined);
    const failures = [...stepFailures];
    if (stepFailures.length === 0) {
      if (checkExpectations) failures.push(...(await expectationFailures(world, figures)));
      if (options.until && !(await options.until(world))) failures.push("the test's extra condition never held");
    }
    const observed = await options.observe(world, { finished });
    const appLogTail = failures.length > 0 ? await tail(world.appLog) : "";
    if (failures.length > 0 && options.keepLogAs) await copyFile(world.appLog, options.keepLogAs).catch(() => undefined);
    return {
      ok: failures.length === 0,
      failures,
      stepFailures,
      finished,
      figures,
      timeline: timeline.lines,
      appLogTail,
      observed,
      disruptions: fired,
    };
  } finally {
    await world.close();
  }
}
