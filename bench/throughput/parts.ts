/**
 * The four parts of `npm run bench`, each run once and turned into its section of the report; a
 * part that fails says why in `failures` and leaves its figures out.
 */
import { runIntake } from "../intake/run.ts";
import type { IntakeReport } from "../intake/report.ts";
import { FLOOR, type WriteCounts } from "../writes/count.ts";
import { DEMO_SCENARIO, runWrites } from "../writes/run.ts";
import { scalingRatios } from "./goals.ts";
import { runMemory, type MemoryFigure } from "./memory.ts";
import { runScaling, type ScalingRun } from "./scaling.ts";

export const PARTS = ["writes", "scaling", "intake", "memory"] as const;
export type Part = (typeof PARTS)[number];

export interface Section<T> {
  figures: T | null;
  failures: string[];
}

export interface WritesFigures extends WriteCounts {
  scenario: string;
  floorRule: typeof FLOOR;
}

export async function writesPart(): Promise<Section<WritesFigures>> {
  const run = await runWrites(DEMO_SCENARIO);
  if (!run.ok) return { figures: null, failures: run.failures.map((failure) => `writes: ${failure}`) };
  return { figures: { scenario: run.scenario, floorRule: FLOOR, ...run.counts }, failures: [] };
}

export interface ScalingFigures {
  throttle: "on";
  modelDelayMs: number;
  runs: (ScalingRun & { ratioToOne: number | null; appCpuSecondsPerTask: number })[];
}

/** A run that threw (the app did not start, the sandbox failed): a failed run, so the others' figures are kept. */
function failedRun(tasks: number, error: unknown): ScalingRun {
  const message = error instanceof Error ? error.message : String(error);
  return {
    tasks,
    ok: false,
    failures: [message],
    labelToClosedSeconds: null,
    runSeconds: 0,
    appCpuSeconds: 0,
    appChildrenCpuSeconds: 0,
    modelCalls: 0,
    apiCalls: 0,
    apiWrites: 0,
  };
}

export async function scalingPart(tasks: readonly number[], modelDelayMs: number): Promise<Section<ScalingFigures>> {
  const runs: ScalingRun[] = [];
  for (const count of tasks) {
    const run = await runScaling(count, modelDelayMs).catch((error: unknown) => failedRun(count, error));
    console.log(
      `scaling: ${count} task(s), label-to-closed ${run.labelToClosedSeconds ?? "-"} s, app CPU ${run.appCpuSeconds} s${run.ok ? "" : `, FAILED: ${run.failures.join("; ")}`}`,
    );
    runs.push(run);
  }
  const ratios = scalingRatios(runs.map((run) => ({ tasks: run.tasks, seconds: run.ok ? run.labelToClosedSeconds : null })));
  const failures = runs.flatMap((run) => run.failures.map((failure) => `scaling, ${run.tasks} task(s): ${failure}`));
  return {
    figures: {
      throttle: "on",
      modelDelayMs,
      runs: runs.map((run) => ({
        ...run,
        ratioToOne: ratios.find((ratio) => ratio.tasks === run.tasks)?.ratio ?? null,
        appCpuSecondsPerTask: Math.round((run.appCpuSeconds / run.tasks) * 100) / 100,
      })),
    },
    failures,
  };
}

export async function intakePart(options: { deliveries: number; rounds: number; concurrency: number[] }): Promise<Section<IntakeReport>> {
  const report = await runIntake({ ...options, warmup: 300, command: "npm run bench" });
  return { figures: report, failures: report.failures.map((failure) => `intake: ${failure}`) };
}

export async function memoryPart(counts: readonly number[]): Promise<Section<MemoryFigure[]>> {
  const run = await runMemory(counts);
  if (!run.ok) return { figures: null, failures: run.failures.map((failure) => `memory: ${failure}`) };
  return { figures: run.figures, failures: [] };
}
