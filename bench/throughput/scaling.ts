/**
 * One scaling run: N independent tasks through the whole app in the sandbox, with the production
 * throttle and a model that takes `modelDelayMs` an answer; label-to-closed from the timeline and
 * the CPU time of the app's own process (a child of its own, apart from the sandbox) over the run.
 */
import { driveScenario } from "@foreman/sandbox";
import { foremanUnderTest } from "../../demo/foreman-under-test.ts";
import { labelToClosedSeconds } from "./label-to-closed.ts";
import { cpuTimeOf, type CpuTime } from "./process-stats.ts";
import { PRODUCTION_ENV } from "./production-env.ts";
import { scalingScenario } from "./scenario.ts";

export interface ScalingRun {
  tasks: number;
  ok: boolean;
  failures: string[];
  /** Seconds from the label's delivery to the issue's close; null when the issue never closed. */
  labelToClosedSeconds: number | null;
  /** The whole run, the sandbox's start and the wait for quiet included. */
  runSeconds: number;
  /** CPU time of the app's process (its threads included) from the run's first step to its end, start-up excluded. */
  appCpuSeconds: number;
  /** CPU time of the app's finished child processes (git, checks) over the same span. */
  appChildrenCpuSeconds: number;
  modelCalls: number;
  apiCalls: number;
  apiWrites: number;
}

const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

function pidOf(child: { pid?: number | undefined }): number {
  if (child.pid === undefined) throw new Error("the app's process has no pid: it did not start");
  return child.pid;
}

export async function runScaling(tasks: number, modelDelayMs: number): Promise<ScalingRun> {
  const scenario = scalingScenario(tasks, { modelDelayMs, approve: true });
  let before: CpuTime = { seconds: 0, childrenSeconds: 0 };
  const run = await driveScenario(scenario, {
    world: { app: foremanUnderTest, realModel: null, appLogLevel: "info", appEnv: { ...PRODUCTION_ENV } },
    stopWhenQuiet: true,
    onStart: async (world) => {
      before = await cpuTimeOf(pidOf(world.appProcess.child));
    },
    observe: async (world) => ({ issue: world.issueNumber, cpu: await cpuTimeOf(pidOf(world.appProcess.child)) }),
  });
  const { cpu, issue } = run.observed;
  return {
    tasks,
    ok: run.ok,
    failures: run.failures,
    labelToClosedSeconds: labelToClosedSeconds(run.timeline, issue),
    runSeconds: run.figures.seconds,
    appCpuSeconds: round(cpu.seconds - before.seconds),
    appChildrenCpuSeconds: round(cpu.childrenSeconds - before.childrenSeconds),
    modelCalls: run.figures.modelCalls,
    apiCalls: run.figures.apiCalls,
    apiWrites: run.figures.apiWrites,
  };
}
