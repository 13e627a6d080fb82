import { join } from "node:path";
import {
  startModelServer,
  type Scenario,
  compareWithBaseline,
  type Comparison,
  crashPlans,
  type Disruption,
  type DisruptionRecord,
  type FinalState,
  type InjectedFaults,
  play,
  type PlayOptions,
  type PlayResult,
} from "@foreman/sandbox";
import { foremanUnderTest } from "../../demo/foreman-under-test.ts";
import { withFaults } from "./bench-scenario.ts";
import type { FaultMix } from "./mixes.ts";

type Section = "crash" | "database lost" | "fault mix";

export interface RunRecord extends Comparison {
  section: Section;
  name: string;
  /** The run reached its end (issue closed, every task merged, nothing in flight) before its deadline. */
  finished: boolean;
  seconds: number;
  disruptions: DisruptionRecord[];
  faults: InjectedFaults;
  problems: string[];
}

export interface BenchPlan {
  scenario: Scenario;
  tasks: string[];
  seed: number;
  /** Crash plans: each a list of kills (or database losses) for one run. */
  crashes: Disruption[][];
  databaseLosses: Disruption[][];
  mixes: FaultMix[];
  timeoutMs: number;
  logDir?: string;
  onRun?: (record: RunRecord) => void;
}

export interface Baseline {
  seconds: number;
  deliveries: number;
  state: FinalState;
}

function record(section: Section, name: string, result: PlayResult, baseline: FinalState): RunRecord {
  const comparison = compareWithBaseline(result.state, baseline);
  return {
    section,
    name,
    ...comparison,
    completed: comparison.completed && result.finished,
    finished: result.finished,
    seconds: result.seconds,
    disruptions: result.disruptions,
    faults: result.faults,
    problems: result.stepFailures,
  };
}

/** The uninterrupted run every other run is compared with. */
export async function runBaseline(scenario: Scenario, tasks: string[], timeoutMs: number): Promise<Baseline> {
  const result = await play(scenario, { tasks, timeoutMs, world: { app: foremanUnderTest } });
  if (!result.finished) throw new Error(`the baseline run did not finish:\n${result.stepFailures.join("\n")}\n${result.appLogTail}`);
  return { seconds: result.seconds, deliveries: result.deliveries, state: result.state };
}

/** Plays a mix; a failover mix gets two model servers of its own and the app a provider chain over them. */
async function playMix(plan: BenchPlan, mix: FaultMix, options: PlayOptions): Promise<PlayResult> {
  const scenario = withFaults(plan.scenario, mix.plan);
  if (!mix.primaryModelFaults) return play(scenario, options);
  const primary = await startModelServer({ script: { ...scenario.model, faults: [] }, faults: mix.primaryModelFaults });
  const backup = await startModelServer({ script: { ...scenario.model, faults: [] } });
  try {
    const providers = [primary, backup].map((server, index) => ({
      name: index === 0 ? "primary" : "backup",
      baseUrl: server.url,
      apiKeyEnv: "FOREMAN_LLM_API_KEY",
    }));
    return await play(scenario, {
      ...options,
      modelServers: [primary, backup],
      world: {
        app: foremanUnderTest,
        realModel: { baseUrl: primary.url, apiKey: "sandbox" },
        appEnv: { FOREMAN_PROVIDERS: JSON.stringify(providers) },
      },
    });
  } finally {
    await primary.stop();
    await backup.stop();
  }
}

const logFile = (plan: BenchPlan, name: string): string | undefined =>
  plan.logDir ? join(plan.logDir, `${name.replace(/[^a-z0-9]+/gi, "-")}.log`) : undefined;

/** Runs every crash plan, database loss and fault mix against the baseline, one after another. */
export async function runBench(plan: BenchPlan, baseline: Baseline): Promise<RunRecord[]> {
  const records: RunRecord[] = [];
  const add = (entry: RunRecord): void => {
    records.push(entry);
    plan.onRun?.(entry);
  };
  const common = { tasks: plan.tasks, timeoutMs: plan.timeoutMs, world: { app: foremanUnderTest } };
  for (const [index, disruptions] of plan.crashes.entries()) {
    const name = `crash run ${index + 1}`;
    add(record("crash", name, await play(plan.scenario, { ...common, disruptions, keepLogAs: logFile(plan, name) }), baseline.state));
  }
  for (const [index, disruptions] of plan.databaseLosses.entries()) {
    const name = `database lost ${index + 1}`;
    add(
      record("database lost", name, await play(plan.scenario, { ...common, disruptions, keepLogAs: logFile(plan, name) }), baseline.state),
    );
  }
  for (const mix of plan.mixes)
    add(record("fault mix", mix.name, await playMix(plan, mix, { ...common, keepLogAs: logFile(plan, mix.name) }), baseline.state));
  return records;
}

/** Seeded crash plans and database losses for a baseline. */
export function plannedDisruptions(
  seed: number,
  baseline: Baseline,
  crashRuns: number,
  databaseRuns: number,
): { crashes: Disruption[][]; databaseLosses: Disruption[][] } {
  const crashes = crashPlans(seed, crashRuns, { ms: baseline.seconds * 1000, deliveries: baseline.deliveries });
  const losses = crashPlans(seed + 1, databaseRuns, { ms: baseline.seconds * 1000, deliveries: baseline.deliveries }, 1);
  return { crashes, databaseLosses: losses.map((kills) => kills.map((kill) => ({ ...kill, kind: "lose_database" as const }))) };
}
