import { readFile } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import type { Scenario } from "../scenario/index.ts";
import { performStep } from "./actions.ts";
import { expectationFailures } from "./expectations.ts";
import { conditionHolds } from "./observe.ts";
import { collectFigures, type RunFigures } from "./summary.ts";
import { describeDelivery } from "./timeline.ts";
import type { AppUnderTest } from "./app-under-test.ts";
import { createWorld, type RealModel, type World } from "./world.ts";

export interface RunOptions {
  /** The app to run against the sandbox. */
  app: AppUnderTest;
  realModel?: RealModel | null;
  /** Receives each timeline line as it happens. */
  onTimeline?: (line: string) => void;
  appLogLevel?: string;
}

export interface RunResult {
  ok: boolean;
  failures: string[];
  figures: RunFigures;
  timeline: string[];
  appLogTail: string;
}

const POLL_MS = 200;
/** How many polls in a row both sides must be idle before a run that has stopped changing is judged. */
const QUIET_POLLS = 15;

class Timeline {
  readonly lines: string[] = [];
  private seen = 0;
  private readonly started = Date.now();

  private readonly world: World;
  private readonly sink?: (line: string) => void;
  constructor(world: World, sink?: (line: string) => void) {
    this.world = world;
    this.sink = sink;
  }

  add(line: string): void {
    const seconds = ((Date.now() - this.started) / 1000).toFixed(1).padStart(6);
    const entry = `${seconds}s  ${line}`;
    this.lines.push(entry);
    this.sink?.(entry);
  }

  poll(): void {
    const deliveries = this.world.github.webhooks.deliveries();
    for (; this.seen < deliveries.length; this.seen += 1) {
      const delivery = deliveries[this.seen];
      const line = delivery ? describeDelivery(delivery) : null;
      if (line) this.add(line);
    }
  }
}

/** Waits until both sides have nothing in flight, a few polls in a row: the app's jobs and the sandbox's work. */
function isQuiet(world: World, streak: { count: number }): boolean {
  const sandboxIdle = world.github.webhooks.deliveries().every((delivery) => delivery.status !== "pending");
  streak.count = sandboxIdle && world.appPendingJobs() === 0 ? streak.count + 1 : 0;
  return streak.count >= QUIET_POLLS;
}

async function waitFor(check: () => boolean | Promise<boolean>, deadline: number, timeline: Timeline): Promise<boolean> {
  while (Date.now() < deadline) {
    timeline.poll();
    if (await check()) return true;
    await sleep(POLL_MS);
  }
  timeline.poll();
  return check();
}

async function runSteps(world: World, timeline: Timeline, deadline: number): Promise<string[]> {
  for (const [index, step] of world.scenario.steps.entries()) {
    const name = step.name ?? `steps[${index}]`;
    if (step.when) {
      const stepDeadline = step.when.timeoutSeconds ? Math.min(deadline, Date.now() + step.when.timeoutSeconds * 1000) : deadline;
      const when = step.when;
      if (!(await waitFor(() => conditionHolds(world, when), stepDeadline, timeline))) return [`${name}: its condition never held (${JSON.stringify(step.when)})`];
    }
    if (step.as) timeline.add(`${step.as} → ${describeStep(step)}`);
    await performStep(world, step);
  }
  return [];
}

function describeStep(step: Scenario["steps"][number]): string {
  if (step.label) return `adds label "${step.label}"`;
  if (step.comment) return `comments "${step.comment.body}"${step.comment.on === "issue" ? "" : ` on task ${step.comment.on.task}'s PR`}`;
  if (step.push) return `pushes a commit to ${step.push.task ? `task ${step.push.task}'s branch` : step.push.branch}`;
  if (step.editComment) return `edits a comment to "${step.editComment.body}"`;
  if (step.review) return `reviews task ${step.review.task}'s PR (${step.review.event})`;
  return step.unlabel ? `removes label "${step.unlabel}"` : "waits";
}

async function tail(path: string, lines = 40): Promise<string> {
  const text = await readFile(path, "utf8").catch(() => "");
  return text.split("\n").slice(-lines).join("\n");
}

/** Runs one scenario end to end: sandbox GitHub and model, the real app process, the humans' steps, the expectations. */
export async function runScenario(scenario: Scenario, options: RunOptions): Promise<RunResult> {
  const startedAt = Date.now();
  const deadline = startedAt + scenario.timeoutSeconds * 1000;
  const world = await createWorld(scenario, { app: options.app, realModel: options.realModel ?? null, appLogLevel: options.appLogLevel ?? "info" });
  const timeline = new Timeline(world, options.onTimeline);
  try {
    timeline.add(`sandbox ready: ${scenario.repository.owner}/${scenario.repository.name}, issue #${world.issueNumber} "${scenario.issue.title}"`);
    const stepFailures = await runSteps(world, timeline, deadline);
    const withCi = scenario.expect.defaultBranch?.ciPasses !== undefined;
    let failures = stepFailures;
    if (failures.length === 0) {
      const streak = { count: 0 };
      const settled = async (): Promise<boolean> =>
        isQuiet(world, streak) || (await expectationFailures(world, await collectFigures(world, startedAt, false))).length === 0;
      await waitFor(settled, deadline, timeline);
      await world.github.settle();
      failures = await expectationFailures(world, await collectFigures(world, startedAt, withCi));
    }
    const figures = await collectFigures(world, startedAt, withCi);
    return { ok: failures.length === 0, failures, figures, timeline: timeline.lines, appLogTail: failures.length > 0 ? await tail(world.appLog) : "" };
  } finally {
    await world.close();
  }
}
