import { copyFile, readFile } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import { performStep } from "../run/actions.ts";
import { conditionHolds, taskPull } from "../run/observe.ts";
import { createWorld, type World, type WorldOptions } from "../run/world.ts";
import type { ModelServer } from "../model/index.ts";
import type { Scenario } from "../scenario/index.ts";
import { captureFinalState, type FinalState } from "./final-state.ts";
import { disrupt, type Disruption, type DisruptionRecord } from "./disruptions.ts";
import { countFaults, type InjectedFaults } from "./injected.ts";

export interface PlayOptions {
  world: WorldOptions;
  disruptions?: Disruption[];
  /** Task ids that must be merged for the run to count as done. */
  tasks: string[];
  timeoutMs?: number;
  /** Runs once the world is up, before the first step (e.g. to arm a fault). */
  onStart?: (world: World) => void | Promise<void>;
  /** Where to keep the app's log when the run does not finish. */
  keepLogAs?: string;
  /** Model servers the bench started itself (a provider chain), whose faults count too. */
  modelServers?: ModelServer[];
  /** Looks at the world (the app's database, the sandbox) once the run ended, before it is torn down. */
  inspect?: (world: World) => void | Promise<void>;
}

export interface PlayResult {
  finished: boolean;
  seconds: number;
  state: FinalState;
  disruptions: DisruptionRecord[];
  faults: InjectedFaults;
  deliveries: number;
  stepFailures: string[];
  appLogTail: string;
}

const POLL_MS = 200;
const QUIET_POLLS = 5;

async function until(check: () => boolean, deadline: number): Promise<boolean> {
  while (Date.now() < deadline) {
    if (check()) return true;
    await sleep(POLL_MS);
  }
  return check();
}

/** The injected GitHub faults hit the humans' calls too; like a person whose click failed, a step is tried again. */
async function performWithRetries(world: World, step: World["scenario"]["steps"][number]): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await performStep(world, step);
      return;
    } catch (error) {
      const status = typeof error === "object" && error !== null && "status" in error ? Number(error.status) : 0;
      if (attempt >= 8 || (status < 500 && status !== 403 && status !== 429)) throw error;
      await sleep(500);
    }
  }
}

async function playSteps(world: World, deadline: number): Promise<string[]> {
  for (const [index, step] of world.scenario.steps.entries()) {
    const when = step.when;
    if (when && !(await until(() => conditionHolds(world, when), deadline))) return [`${step.name ?? `steps[${index}]`}: its condition never held`];
    await performWithRetries(world, step).catch((error: unknown) => {
      throw new Error(`${step.name ?? `steps[${index}]`}: ${error instanceof Error ? error.message : String(error)}`);
    });
  }
  return [];
}

/** Done: the issue is closed, every task merged, and neither the app nor the sandbox has anything in flight for a while. */
function doneCheck(world: World, tasks: string[]): () => boolean {
  let streak = 0;
  return () => {
    const issue = world.github.store.issue(world.repo.id, world.issueNumber);
    const merged = tasks.every((task) => taskPull(world, task)?.merged === true);
    const idle = world.appPendingJobs() === 0 && world.github.webhooks.deliveries().every((delivery) => delivery.status !== "pending");
    streak = issue?.state === "closed" && merged && idle ? streak + 1 : 0;
    return streak >= QUIET_POLLS;
  };
}

/** Plays a scenario against the real app, with crashes on schedule, and reads what it left on GitHub. */
export async function play(scenario: Scenario, options: PlayOptions): Promise<PlayResult> {
  const world = await createWorld(scenario, { appLogLevel: "info", ...options.world });
  const startedAt = Date.now();
  const deadline = startedAt + (options.timeoutMs ?? 120_000);
  let running = true;
  try {
    const initialMainSha = (await world.repo.git.resolve(world.repo.defaultBranch)) ?? "";
    await options.onStart?.(world);
    const disruptions = disrupt(world, options.disruptions ?? [], startedAt, () => running);
    const stepFailures = await playSteps(world, deadline).catch((error: unknown) => [String(error)]);
    const finished = stepFailures.length === 0 && (await until(doneCheck(world, options.tasks), deadline));
    running = false;
    const fired = await disruptions;
    await world.github.settle();
    await options.inspect?.(world);
    const seconds = Math.round((Date.now() - startedAt) / 100) / 10;
    const appLogTail = finished ? "" : (await readFile(world.appLog, "utf8").catch(() => "")).split("\n").slice(-60).join("\n");
    if (!finished && options.keepLogAs) await copyFile(world.appLog, options.keepLogAs).catch(() => undefined);
    return {
      finished,
      seconds,
      state: await captureFinalState(world, initialMainSha),
      disruptions: fired,
      faults: countFaults(world, (options.modelServers ?? []).flatMap((server) => server.requests().map((request) => request.fault))),
      deliveries: world.github.webhooks.deliveries().length,
      stepFailures,
      appLogTail,
    };
  } finally {
    running = false;
    await world.close();
  }
}
