/**
 * The memory bench: one real workflow (a run of the app left with three tasks open and ready for
 * `/approve`), copied onto issues of their own until the store holds 0, 100, … open workflows; for
 * each count the app is restarted over its database with the production settings, left to settle
 * (its start-up reconcile pass over every open workflow against the sandbox GitHub done), and its
 * resident memory read from `/proc/<pid>/status`.
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
  /** Seconds from the app's start until it was settled. */
  settleSeconds: number;
  /** GitHub calls the app made while settling (its reconcile pass). */
  apiCalls: number;
}

export type MemoryRun = { ok: true; figures: MemoryFigure[] } | { ok: false; failures: string[] };

/** Tasks of the workflow that is copied. */
const SOURCE_TASKS = 3;
/** Quiet this long (no GitHub call by the app, no job pending) counts as settled. */
const QUIET_MS = 5000;
const SETTLE_LIMIT_MS = 300_000;
const ISSUE_BATCH = 8;

const appCalls = (world: World): number =>
  world.github.requestLog.all().filter((entry) => entry.actor === world.botLogin || entry.actor === world.app.slug).length;

/** Waits until the app made no GitHub call and had no job pending for `QUIET_MS`; the seconds it took. */
async function settle(world: World): Promise<number> {
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
      return Math.round((quietSince - startedAt) / 100) / 10;
    }
  }
  throw new Error(`the app did not settle within ${SETTLE_LIMIT_MS / 1000} s`);
}

/** Opens issues (unlabelled, as a maintainer) until there are `count`, for the copies to sit on. */
async function ensureIssues(world: World, issues: { number: number; title: string }[], count: number): Promise<void> {
  const { owner, name } = world.scenario.repository;
  const octokit = world.as(world.scenario.issue.author);
  while (issues.length < count) {
    const batch = Array.from({ length: Math.min(ISSUE_BATCH, count - issues.length) }, (_, index) => `Open work ${issues.length + index + 1}`);
    const created = await Promise.all(batch.map((title) => octokit.rest.issues.create({ owner, repo: name, title, body: title })));
    issues.push(...created.map(({ data }) => ({ number: data.number, title: data.title })));
  }
}

/** The app restarted over the store seeded with `count` open workflows, settled, its memory read. */
async function measureAt(world: World, sourceId: string, issues: { number: number; title: string }[], count: number): Promise<MemoryFigure> {
  await ensureIssues(world, issues, Math.max(count - 1, 0));
  await world.appProcess.stop();
  const openWorkflows = seedWorkflows({
    database: databaseOf(world.dataDir),
    sourceId,
    issues: issues.slice(0, Math.max(count - 1, 0)),
    sourceOpen: count > 0,
  });
  const callsBefore = appCalls(world);
  await world.crashApp(false);
  const settleSeconds = await settle(world);
  const pid = world.appProcess.child.pid;
  if (pid === undefined) throw new Error("the app's process has no pid: it did not start");
  return { ...(await memoryOf(pid)), openWorkflows, settleSeconds, apiCalls: appCalls(world) - callsBefore };
}

/** Runs the source workflow to its wait for `/approve`, then measures the app at each count of open workflows. */
export async function runMemory(counts: readonly number[]): Promise<MemoryRun> {
  const scenario = scalingScenario(SOURCE_TASKS, { modelDelayMs: 0, approve: false });
  const run = await driveScenario(scenario, {
    world: { app: foremanUnderTest, realModel: null, appLogLevel: "info", appEnv: { ...PRODUCTION_ENV } },
    stopWhenQuiet: true,
    observe: async (world, end): Promise<MemoryFigure[]> => {
      if (!end.finished) return [];
      const { owner, name } = world.scenario.repository;
      const sourceId = WorkflowId.toString({ owner, repo: name, issue: world.issueNumber });
      const issues: { number: number; title: string }[] = [];
      const figures: MemoryFigure[] = [];
      for (const count of [...counts].sort((a, b) => a - b)) {
        const figure = await measureAt(world, sourceId, issues, count);
        console.log(`memory: ${figure.openWorkflows} open workflows, RSS ${figure.rssMb} MB (peak ${figure.peakRssMb} MB), settled in ${figure.settleSeconds} s`);
        figures.push(figure);
      }
      return figures;
    },
  });
  if (!run.ok) return { ok: false, failures: run.failures };
  return { ok: true, figures: run.observed };
}
