/**
 * The memory bench: the app with no open workflow is read once started, before the label; then one
 * real workflow (a run of the app left with three tasks open and ready for `/approve`) is copied
 * onto issues of their own until the store holds 100, 1,000, … open workflows, and for each count
 * the app is restarted over its database with the production settings, left to settle (its
 * start-up reconcile pass against the sandbox GitHub, for a bounded time), and its resident memory
 * read from `/proc/<pid>/status`.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { driveScenario, type World } from "@foreman/sandbox";
import { databaseOf, foremanUnderTest } from "../../demo/foreman-under-test.ts";
import { WorkflowId } from "../../src/domain/ids.ts";
import { memoryOf, type Memory } from "./process-stats.ts";
import { PRODUCTION_ENV } from "./production-env.ts";
import { scalingScenario } from "./scenario.ts";
import { seedWorkflows } from "./seed.ts";

export interface MemoryFigure extends Memory {
  /** Open workflows the store held when the app started. */
  openWorkflows: number;
  /** Seconds from the app's start until it was settled, or until the bench stopped waiting. */
  settleSeconds: number;
  /** false: the app was still making calls (its start-up reconcile pass) when its memory was read. */
  settled: boolean;
  /** GitHub calls the app made from its start until its memory was read. */
  apiCalls: number;
}

export type MemoryRun = { ok: true; figures: MemoryFigure[] } | { ok: false; failures: string[] };

/** Tasks of the workflow that is copied. */
const SOURCE_TASKS = 3;
/** Quiet this long (no GitHub call by the app, no job pending) counts as settled. */
const QUIET_MS = 5000;
const SETTLE_LIMIT_MS = 75_000;
const ISSUE_BATCH = 16;

const appCalls = (world: World): number =>
  world.github.requestLog.all().filter((entry) => entry.actor === world.botLogin || entry.actor === world.app.slug).length;

/**
 * Waits until the app made no GitHub call and had no job pending for `QUIET_MS`, or `SETTLE_LIMIT_MS`
 * at most: a start-up reconcile pass over a thousand workflows makes thousands of calls, longer than
 * the bench waits. The seconds it took, and whether it settled.
 */
async function settle(world: World): Promise<{ seconds: number; settled: boolean }> {
  const startedAt = Date.now();
  let calls = appCalls(world);
  let quietSince = Date.now();
  while (Date.now() - startedAt < SETTLE_LIMIT_MS) {
    await sleep(500);
    const now = appCalls(world);
    if (now !== calls || world.appPendingJobs() > 0) {
      calls = now;
      quietSince = Date.now();
    } else if (Date.now() - quietSince >= QUIET_MS) {
      return { seconds: Math.round((quietSince - startedAt) / 100) / 10, settled: true };
    }
  }
  return { seconds: Math.round((Date.now() - startedAt) / 100) / 10, settled: false };
}

/** Opens issues (unlabelled, as a maintainer) until there are `count`, for the copies to sit on. */
async function ensureIssues(world: World, issues: { number: number; title: string }[], count: number): Promise<void> {
  const { owner, name } = world.scenario.repository;
  const octokit = world.as(world.scenario.issue.author);
  while (issues.length < count) {
    const batch = Array.from(
      { length: Math.min(ISSUE_BATCH, count - issues.length) },
      (_, index) => `Open work ${issues.length + index + 1}`,
    );
    const created = await Promise.all(batch.map((title) => octokit.rest.issues.create({ owner, repo: name, title, body: title })));
    issues.push(...created.map(({ data }) => ({ number: data.number, title: data.title })));
  }
}

/** The app's figures once settled, from its start (`callsBefore`: its GitHub calls until then). */
async function settledFigure(world: World, openWorkflows: number, callsBefore: number): Promise<MemoryFigure> {
  const { seconds: settleSeconds, settled } = await settle(world);
  const pid = world.appProcess.child.pid;
  if (pid === undefined) throw new Error("the app's process has no pid: it did not start");
  const apiCalls = appCalls(world) - callsBefore;
  return { ...(await memoryOf(pid)), openWorkflows, settleSeconds, settled, apiCalls };
}

/** The app restarted over the store seeded with `count` (at least 1) open workflows, settled, its memory read. */
async function measureAt(
  world: World,
  sourceId: string,
  issues: { number: number; title: string }[],
  count: number,
): Promise<MemoryFigure> {
  await ensureIssues(world, issues, count - 1);
  await world.appProcess.stop();
  const openWorkflows = seedWorkflows({ database: databaseOf(world.dataDir), sourceId, issues: issues.slice(0, count - 1) });
  const callsBefore = appCalls(world);
  await world.crashApp(false);
  return settledFigure(world, openWorkflows, callsBefore);
}

const report = (figure: MemoryFigure): void =>
  console.log(
    `memory: ${figure.openWorkflows} open workflows, RSS ${figure.rssMb} MB (peak ${figure.peakRssMb} MB), ${figure.settled ? "settled" : "still reconciling"} after ${figure.settleSeconds} s`,
  );

/** Runs the source workflow to its wait for `/approve`, then measures the app at each count of open workflows. */
export async function runMemory(counts: readonly number[]): Promise<MemoryRun> {
  const scenario = scalingScenario(SOURCE_TASKS, { modelDelayMs: 0, approve: false });
  const figures: MemoryFigure[] = [];
  const run = await driveScenario(scenario, {
    world: { app: foremanUnderTest, realModel: null, appLogLevel: "info", appEnv: { ...PRODUCTION_ENV } },
    stopWhenQuiet: true,
    // None open: the app as it started, before the label (a closed workflow on a labelled issue would be started again).
    onStart: async (world) => {
      if (!counts.includes(0)) return;
      const figure = await settledFigure(world, 0, 0);
      report(figure);
      figures.push(figure);
    },
    observe: async (world, end) => {
      if (!end.finished) return;
      const { owner, name } = world.scenario.repository;
      const sourceId = WorkflowId.toString({ owner, repo: name, issue: world.issueNumber });
      const issues: { number: number; title: string }[] = [];
      for (const count of [...counts].filter((count) => count > 0).sort((a, b) => a - b)) {
        const figure = await measureAt(world, sourceId, issues, count);
        report(figure);
        figures.push(figure);
      }
    },
  });
  if (!run.ok) return { ok: false, failures: run.failures };
  return { ok: true, figures };
}
