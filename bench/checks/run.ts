import { driveScenario, loadScenario } from "@foreman/sandbox";
import { foremanUnderTest } from "../../demo/foreman-under-test.ts";

/** The seconds one CI run is taken to last when the wall time per task is estimated (GitHub's runners, not the sandbox's). */
export const CI_RUN_SECONDS = 60;

/** One scenario run with local checks on or off. */
export interface CheckRunRecord {
  scenario: string;
  checks: "on" | "off";
  /** Every task merged and the issue closed, with every expectation of the scenario met. */
  completed: boolean;
  failures: string[];
  tasks: number;
  ciRuns: number;
  redCiRuns: number;
  modelCalls: number;
  modelCallsByRole: Record<string, number>;
  /** Runs of the repository's checks on Foreman's host, as the app logged them. */
  localCheckRuns: number;
  /** The run's wall time in the sandbox, and the seconds its CI jobs took, summed. */
  seconds: number;
  ciSeconds: number;
  perTask: { ciRuns: number; redCiRuns: number; modelCalls: number; wallSecondsAt60sCi: number };
  /** The timeline's lines about local checks and pull requests, in order: the evidence of what ran before the first push. */
  story: string[];
  appLogTail?: string;
}

const round = (value: number): number => Math.round(value * 10) / 10;

function byRole(roles: ReadonlyArray<string | null>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const role of roles) counts[role ?? "unknown"] = (counts[role ?? "unknown"] ?? 0) + 1;
  return counts;
}

/**
 * The wall time per task when each CI run takes `CI_RUN_SECONDS`: the time the run took apart from
 * its CI jobs, spread over its tasks (they run in parallel), plus the task's own CI runs one after
 * another (each waits for the commit before it).
 */
function wallPerTask(seconds: number, ciSeconds: number, tasks: number, ciRuns: number): number {
  const agentSeconds = Math.max(0, seconds - ciSeconds / Math.max(1, tasks));
  return round(agentSeconds + (ciRuns / Math.max(1, tasks)) * CI_RUN_SECONDS);
}

/** Runs one scenario file through the whole app, local checks on (the default sandbox) or off (`FOREMAN_CHECKS=off`). */
export async function runChecksScenario(file: string, checks: "on" | "off"): Promise<CheckRunRecord> {
  const scenario = await loadScenario(file);
  const run = await driveScenario(scenario, {
    world: { app: foremanUnderTest, appEnv: { FOREMAN_CHECKS: checks === "on" ? "sandbox" : "off" } },
    stopWhenQuiet: true,
    observe: (world) => byRole((world.model?.requests() ?? []).map((request) => request.role)),
  });
  const { figures } = run;
  const tasks = Math.max(1, figures.taskIds.length);
  const story = run.timeline.filter((line) => / locally: |working copy set up|PR #\d+ opened|CI (success|failure)/.test(line));
  return {
    scenario: scenario.name,
    checks,
    completed: run.ok,
    failures: run.failures,
    tasks: figures.taskIds.length,
    ciRuns: figures.ciRuns,
    redCiRuns: figures.redCiRuns,
    modelCalls: figures.modelCalls,
    modelCallsByRole: run.observed,
    localCheckRuns: run.timeline.filter((line) => line.includes(" locally: ")).length,
    seconds: figures.seconds,
    ciSeconds: figures.ciSeconds,
    perTask: {
      ciRuns: round(figures.ciRuns / tasks),
      redCiRuns: round(figures.redCiRuns / tasks),
      modelCalls: round(figures.modelCalls / tasks),
      wallSecondsAt60sCi: wallPerTask(figures.seconds, figures.ciSeconds, tasks, figures.ciRuns),
    },
    story,
    ...(run.ok ? {} : { appLogTail: run.appLogTail }),
  };
}
