import type { Scenario } from "../scenario/index.ts";
import type { AppUnderTest } from "./app-under-test.ts";
import { driveScenario } from "./drive-scenario.ts";
import type { RunFigures } from "./summary.ts";
import type { RealModel } from "./world.ts";

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

/**
 * Runs one scenario end to end, as the demo does: sandbox GitHub and model, the real app process,
 * the humans' steps, the expectations. A run that goes quiet is judged at once, met or not.
 */
export async function runScenario(scenario: Scenario, options: RunOptions): Promise<RunResult> {
  const run = await driveScenario(scenario, {
    world: { app: options.app, realModel: options.realModel ?? null, appLogLevel: options.appLogLevel ?? "info" },
    stopWhenQuiet: true,
    ...(options.onTimeline ? { onTimeline: options.onTimeline } : {}),
    observe: () => undefined,
  });
  return { ok: run.ok, failures: run.failures, figures: run.figures, timeline: run.timeline, appLogTail: run.appLogTail };
}
