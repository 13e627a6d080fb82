import type { ModelServer } from "../model/index.ts";
import { driveScenario } from "../run/drive-scenario.ts";
import { taskPull } from "../run/observe.ts";
import type { World, WorldOptions } from "../run/world.ts";
import type { Scenario } from "../scenario/index.ts";
import type { Disruption, DisruptionRecord } from "./disruptions.ts";
import { captureFinalState, type FinalState } from "./final-state.ts";
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

/** Done: the issue is closed and every task merged (and, by the idle rule, the run is quiet). */
function done(world: World, tasks: string[]): boolean {
  const issue = world.github.store.issue(world.repo.id, world.issueNumber);
  return issue?.state === "closed" && tasks.every((task) => taskPull(world, task)?.merged === true);
}

/**
 * Plays a scenario against the real app, with crashes on schedule, and reads what it left on
 * GitHub. It is judged by its final state, compared with a baseline, not by the scenario's `expect`.
 */
export async function play(scenario: Scenario, options: PlayOptions): Promise<PlayResult> {
  let initialMainSha = "";
  const run = await driveScenario(scenario, {
    world: options.world,
    checkExpectations: false,
    timeoutMs: options.timeoutMs ?? 120_000,
    ...(options.disruptions ? { disruptions: options.disruptions } : {}),
    ...(options.keepLogAs ? { keepLogAs: options.keepLogAs } : {}),
    async onStart(world) {
      initialMainSha = (await world.repo.git.resolve(world.repo.defaultBranch)) ?? "";
      await options.onStart?.(world);
    },
    until: (world) => done(world, options.tasks),
    async observe(world) {
      await options.inspect?.(world);
      const extraModelFaults = (options.modelServers ?? []).flatMap((server) => server.requests().map((request) => request.fault));
      return {
        state: await captureFinalState(world, initialMainSha),
        faults: countFaults(world, extraModelFaults),
        deliveries: world.github.webhooks.deliveries().length,
      };
    },
  });
  return {
    finished: run.finished && run.stepFailures.length === 0,
    seconds: run.figures.seconds,
    ...run.observed,
    disruptions: run.disruptions,
    stepFailures: run.stepFailures,
    appLogTail: run.finished ? "" : run.appLogTail,
  };
}
