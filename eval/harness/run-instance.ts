/**
 * One instance, end to end: the scenario played against Foreman in the sandbox with the harness
 * as maintainer, then the hidden tests on a clean checkout of the final default branch, and the
 * figures the report needs.
 */
import { driveScenario, type RealModel, type World } from "@foreman/sandbox";
import { foremanUnderTest } from "../../demo/foreman-under-test.ts";
import { cleanCheckout, runHiddenTests, type HiddenResults } from "./hidden-tests.ts";
import type { Instance } from "./instance.ts";
import { leakedRequests } from "./leaks.ts";
import { Maintainer, type Ending } from "./maintainer.ts";
import { fromSandbox, type ModelCall } from "./model-calls.ts";
import { plannedFiles } from "./planned-files.ts";
import { instanceScenario, type RunSettings } from "./scenario.ts";

interface Observed {
  ending: Ending | "time limit";
  hidden: HiddenResults;
  calls: ModelCall[];
  ciWallSeconds: number;
  /** Files the plan assigned to its tasks, from the planner's last answer. */
  planned: string[];
  leaks: number;
}

export interface Played extends Observed {
  seconds: number;
  tasks: number;
  merged: number;
  ciRuns: number;
  redCiRuns: number;
}

/** The seconds during which some CI job of the repository ran (overlapping jobs counted once). */
function ciWallSeconds(world: World): number {
  const { store } = world.github;
  const intervals = [...store.checkRuns.values()]
    .filter((run) => run.appId !== world.app.id && store.checkSuites.get(run.suiteId)?.repoId === world.repo.id)
    .map((run) => [Date.parse(run.startedAt), Date.parse(run.completedAt ?? run.startedAt)] as const)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = Number.NEGATIVE_INFINITY;
  for (const [start, stop] of intervals) {
    if (stop <= end) continue;
    total += stop - Math.max(start, end);
    end = stop;
  }
  return Math.round(total / 100) / 10;
}

async function observe(world: World, instance: Instance, maintainer: Maintainer, extraCalls: () => ModelCall[]): Promise<Observed> {
  const checkout = await cleanCheckout(world.repo.git.gitDir, world.repo.defaultBranch);
  try {
    const calls = [...(world.model?.requests().map(fromSandbox) ?? []), ...extraCalls()];
    return {
      ending: maintainer.ending(world) ?? "time limit",
      hidden: await runHiddenTests(instance, checkout.dir),
      calls,
      ciWallSeconds: ciWallSeconds(world),
      planned: plannedFiles(calls),
      leaks: leakedRequests(instance, calls),
    };
  } finally {
    await checkout.dispose();
  }
}

export interface PlayOptions {
  settings: RunSettings;
  /** A real endpoint (through the recording proxy), or null for a scripted agent. */
  realModel: RealModel | null;
  /** The calls the recording proxy saw during this instance. */
  proxyCalls?: () => ModelCall[];
  onTimeline?: (line: string) => void;
}

export async function playInstance(instance: Instance, options: PlayOptions): Promise<Played> {
  const maintainer = new Maintainer();
  const run = await driveScenario(instanceScenario(instance, options.settings), {
    world: { app: foremanUnderTest, realModel: options.realModel, appLogLevel: "info" },
    checkExpectations: false,
    until: (world) => maintainer.act(world),
    observe: (world) => observe(world, instance, maintainer, options.proxyCalls ?? (() => [])),
    ...(options.onTimeline ? { onTimeline: options.onTimeline } : {}),
  });
  return {
    ...run.observed,
    seconds: run.figures.seconds,
    tasks: run.figures.taskIds.length,
    merged: run.figures.merged,
    ciRuns: run.figures.ciRuns,
    redCiRuns: run.figures.redCiRuns,
  };
}
