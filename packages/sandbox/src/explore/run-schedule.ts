import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { countFaults, type InjectedFaults } from "../bench/injected.ts";
import { driveScenario } from "../run/drive-scenario.ts";
import type { World, WorldOptions } from "../run/world.ts";
import { paidRequests, runChecks, type CheckOutcome, type RoleCounts } from "./checks/index.ts";
import { viewOf } from "./run-view.ts";
import type { Schedule } from "./schedule.ts";
import { scheduleScenario, type ScenarioSetup } from "./to-scenario.ts";

/** What the explorer needs besides a schedule: the repository, the plans, the label, and the app to run. */
export interface ExploreSetup extends ScenarioSetup {
  world: WorldOptions;
  /** Where the app's whole log and the story of a run with a violation are kept, as `seed-<n>.log` and `seed-<n>.txt`. */
  logDir?: string;
  /** Keep them for every run, not only those with a violation (a replay). */
  keepEvery?: boolean;
}

/** One schedule played and checked. */
export interface ScheduleRun {
  schedule: Schedule;
  seconds: number;
  atRest: boolean;
  outcomes: CheckOutcome[];
  /** Human actions performed, and those skipped because they no longer applied. */
  actions: { performed: number; skipped: number };
  faults: InjectedFaults;
  /** Answered model requests per role. */
  paid: RoleCounts;
  timeline: string[];
  appLogTail: string;
}

function countActions(timeline: readonly string[]): ScheduleRun["actions"] {
  const performed = timeline.filter((line) => line.includes(" → ")).length;
  const skips = timeline.filter((line) => /\sskips\s/.test(line));
  const refused = skips.filter((line) => !line.includes("its condition did not hold")).length;
  return { performed: performed - refused, skipped: skips.length };
}

const LOG_TAIL_LINES = 60;

/** The run's story for a reader: the timeline, then the final text of every comment of the app's. */
function story(world: World, timeline: readonly string[]): string {
  const comments = [...world.github.store.comments.values()].filter(
    (comment) => comment.repoId === world.repo.id && comment.user.login === world.botLogin,
  );
  return [
    ...timeline,
    "",
    ...comments.map((comment) => `--- comment ${comment.id} on #${comment.issueNumber} (updated ${comment.updatedAt})\n${comment.body}`),
  ].join("\n");
}

/** Keeps the app's log and the run's story as `seed-<n>.log` and `seed-<n>.txt`; the log's last lines. */
async function keepLog(world: World, logDir: string | undefined, seed: number, timeline: readonly string[]): Promise<string> {
  const text = await readFile(world.appLog, "utf8").catch(() => "");
  if (logDir) {
    await writeFile(join(logDir, `seed-${seed}.log`), text).catch(() => undefined);
    await writeFile(join(logDir, `seed-${seed}.txt`), story(world, timeline)).catch(() => undefined);
  }
  return text.split("\n").slice(-LOG_TAIL_LINES).join("\n");
}

/** Worlds of runs under way, so that an interrupted explorer can stop their app processes. */
const live = new Set<World>();

/** Stops the app process of every run under way (for an explorer interrupted by a signal). */
export async function stopLiveRuns(): Promise<void> {
  await Promise.all([...live].map((world) => world.appProcess.kill().catch(() => undefined)));
}

/**
 * Plays a schedule with the one scenario driver (the app process against the sandbox) until the
 * run is at rest or its deadline, then checks every guarantee from the sandbox's records.
 */
export async function runSchedule(schedule: Schedule, setup: ExploreSetup, baseline: RoleCounts | null): Promise<ScheduleRun> {
  const scenario = scheduleScenario(schedule, setup);
  // GitHub's faults are armed once the world is up: the issue the run starts from is opened without them.
  const played = { ...scenario, github: { ...scenario.github, faults: [] } };
  let startedAt = Date.now();
  let initialMain = "";
  const timeline: string[] = [];
  const run = await driveScenario(played, {
    onTimeline: (line) => timeline.push(line),
    world: { appLogLevel: "info", ...setup.world },
    checkExpectations: false,
    stopWhenQuiet: true,
    async onStart(world) {
      live.add(world);
      startedAt = Date.now();
      world.github.faults.add(scenario.github.faults);
      initialMain = (await world.repo.git.resolve(world.repo.defaultBranch)) ?? "";
    },
    async observe(world, end) {
      live.delete(world);
      await world.github.settle();
      const view = viewOf(world, { startedAt, initialMain, atRest: end.finished, label: setup.label });
      const outcomes = await runChecks(view, { baseline });
      const violated = outcomes.some((outcome) => outcome.violations.length > 0);
      return {
        outcomes,
        faults: countFaults(world),
        paid: paidRequests(view.modelRequests),
        appLogTail: violated || setup.keepEvery === true ? await keepLog(world, setup.logDir, schedule.seed, timeline) : "",
      };
    },
  });
  return {
    schedule,
    seconds: Math.round((Date.now() - startedAt) / 100) / 10,
    atRest: run.finished,
    outcomes: run.observed.outcomes,
    actions: countActions(run.timeline),
    faults: run.observed.faults,
    paid: run.observed.paid,
    timeline: run.timeline,
    appLogTail: run.observed.appLogTail,
  };
}
