/** The report of a run: one record per instance and their summary, as JSON and as a table. */
import type { Instance } from "./instance.ts";
import { costOf, type PriceTable } from "./cost.ts";
import type { Played } from "./run-instance.ts";

export interface Settings {
  agent: string;
  plan: string;
  tools: boolean;
  checks: boolean;
  /** The model(s) of a real endpoint; empty for a scripted agent. */
  models: Record<string, string>;
}

export interface InstanceRecord {
  id: string;
  language: string;
  resolved: boolean;
  ending: string;
  failToPass: { passed: number; total: number; failed: string[] };
  passToPass: { passed: number; total: number; failed: string[] };
  tasks: number;
  merged: number;
  modelCalls: Record<string, number>;
  promptTokens: number;
  completionTokens: number;
  costUsd: number | null;
  seconds: { wall: number; ci: number; agent: number };
  ciRuns: number;
  redCiRuns: number;
  /** Rounds of the debugger repairing red CI. */
  repairRounds: number;
  /** Share of the files the reference solution touches that the plan assigned to a task; null without a reference. */
  localisationRecall: number | null;
  /** Model requests that held a line of a hidden test: must be 0. */
  leaks: number;
  /** The harness could not run the instance. */
  error: string | null;
}

export interface Summary {
  instances: number;
  resolved: number;
  resolvedRate: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number | null;
  wallSeconds: number;
  ciSeconds: number;
  agentSeconds: number;
  modelCalls: Record<string, number>;
  ciRuns: number;
  repairRounds: number;
  meanTasksPerPlan: number;
  meanLocalisationRecall: number | null;
  leaks: number;
  errors: number;
}

export interface Report {
  run: string;
  command: string;
  date: string;
  settings: Settings;
  instances: InstanceRecord[];
  summary: Summary;
}

const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits;

function tally(results: { name: string; passed: boolean }[]): InstanceRecord["failToPass"] {
  return {
    passed: results.filter((result) => result.passed).length,
    total: results.length,
    failed: results.filter((result) => !result.passed).map((result) => result.name),
  };
}

function callsByRole(calls: readonly { role: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const call of calls) counts[call.role] = (counts[call.role] ?? 0) + 1;
  return counts;
}

function recall(instance: Instance, planned: readonly string[]): number | null {
  const reference = Object.keys(instance.solution);
  if (reference.length === 0) return null;
  return round(reference.filter((path) => planned.includes(path)).length / reference.length, 3);
}

export function instanceRecord(instance: Instance, played: Played, prices: PriceTable): InstanceRecord {
  const wall = played.seconds;
  return {
    id: instance.id,
    language: instance.language,
    resolved: played.hidden.resolved,
    ending: played.ending,
    failToPass: tally(played.hidden.failToPass),
    passToPass: tally(played.hidden.passToPass),
    tasks: played.tasks,
    merged: played.merged,
    modelCalls: callsByRole(played.calls),
    promptTokens: played.calls.reduce((sum, call) => sum + call.promptTokens, 0),
    completionTokens: played.calls.reduce((sum, call) => sum + call.completionTokens, 0),
    costUsd: costOf(played.calls, prices),
    seconds: { wall, ci: played.ciWallSeconds, agent: round(Math.max(0, wall - played.ciWallSeconds)) },
    ciRuns: played.ciRuns,
    redCiRuns: played.redCiRuns,
    repairRounds: played.calls.filter((call) => call.role === "debugger").length,
    localisationRecall: recall(instance, played.planned),
    leaks: played.leaks,
    error: null,
  };
}

/** The record of an instance the harness could not run: unresolved, with the reason. */
export function failedRecord(instance: Instance, error: unknown): InstanceRecord {
  const none = { passed: 0, total: 0, failed: [] };
  return {
    id: instance.id,
    language: instance.language,
    resolved: false,
    ending: "error",
    failToPass: { ...none, total: instance.tests.failToPass.length },
    passToPass: { ...none, total: instance.tests.passToPass.length },
    tasks: 0,
    merged: 0,
    modelCalls: {},
    promptTokens: 0,
    completionTokens: 0,
    costUsd: 0,
    seconds: { wall: 0, ci: 0, agent: 0 },
    ciRuns: 0,
    redCiRuns: 0,
    repairRounds: 0,
    localisationRecall: null,
    leaks: 0,
    error: error instanceof Error ? error.message : String(error),
  };
}

const sum = (records: readonly InstanceRecord[], pick: (record: InstanceRecord) => number): number =>
  records.reduce((total, record) => total + pick(record), 0);

export function summarize(records: readonly InstanceRecord[]): Summary {
  const recalls = records.flatMap((record) => (record.localisationRecall === null ? [] : [record.localisationRecall]));
  const modelCalls: Record<string, number> = {};
  for (const record of records)
    for (const [role, count] of Object.entries(record.modelCalls)) modelCalls[role] = (modelCalls[role] ?? 0) + count;
  const resolved = records.filter((record) => record.resolved).length;
  const costs = records.map((record) => record.costUsd);
  return {
    instances: records.length,
    resolved,
    resolvedRate: records.length === 0 ? 0 : round(resolved / records.length, 3),
    promptTokens: sum(records, (record) => record.promptTokens),
    completionTokens: sum(records, (record) => record.completionTokens),
    costUsd: costs.includes(null)
      ? null
      : round(
          sum(records, (record) => record.costUsd ?? 0),
          4,
        ),
    wallSeconds: round(sum(records, (record) => record.seconds.wall)),
    ciSeconds: round(sum(records, (record) => record.seconds.ci)),
    agentSeconds: round(sum(records, (record) => record.seconds.agent)),
    modelCalls,
    ciRuns: sum(records, (record) => record.ciRuns),
    repairRounds: sum(records, (record) => record.repairRounds),
    meanTasksPerPlan: records.length === 0 ? 0 : round(sum(records, (record) => record.tasks) / records.length, 2),
    meanLocalisationRecall: recalls.length === 0 ? null : round(recalls.reduce((a, b) => a + b, 0) / recalls.length, 3),
    leaks: sum(records, (record) => record.leaks),
    errors: records.filter((record) => record.error !== null).length,
  };
}

const cost = (usd: number | null): string => (usd === null ? "price unknown" : `$${usd.toFixed(4)}`);

/** The report as a readable table: a line per instance, then the totals. */
export function renderReport(report: Report): string {
  const { settings, summary } = report;
  const lines = [
    `run ${report.run}: agent ${settings.agent}, plan ${settings.plan}, tools ${settings.tools ? "on" : "off"}, checks ${settings.checks ? "on" : "off"}`,
    "",
    "| instance | resolved | fail→pass | pass→pass | tasks | merged | model calls | tokens | cost | wall s | CI s | agent s | CI runs | repairs | recall | ending |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...report.instances
      .map((record) =>
        [
          record.id,
          record.resolved ? "yes" : "no",
          `${record.failToPass.passed}/${record.failToPass.total}`,
          `${record.passToPass.passed}/${record.passToPass.total}`,
          record.tasks,
          record.merged,
          sum([record], (one) => Object.values(one.modelCalls).reduce((a, b) => a + b, 0)),
          record.promptTokens + record.completionTokens,
          cost(record.costUsd),
          record.seconds.wall,
          record.seconds.ci,
          record.seconds.agent,
          record.ciRuns,
          record.repairRounds,
          record.localisationRecall ?? "-",
          record.error ? `error: ${record.error.slice(0, 80)}` : record.ending,
        ].join(" | "),
      )
      .map((line) => `| ${line} |`),
    "",
    `resolved ${summary.resolved} of ${summary.instances} (${round(summary.resolvedRate * 100)}%); tokens ${summary.promptTokens} in, ${summary.completionTokens} out; cost ${cost(summary.costUsd)}`,
    `time ${summary.wallSeconds} s (agents ${summary.agentSeconds} s, CI ${summary.ciSeconds} s); model calls ${JSON.stringify(summary.modelCalls)}; CI runs ${summary.ciRuns}; repair rounds ${summary.repairRounds}`,
    `tasks per plan ${summary.meanTasksPerPlan}; file localisation recall ${summary.meanLocalisationRecall ?? "-"}; hidden-test leaks ${summary.leaks}; harness errors ${summary.errors}`,
  ];
  return lines.join("\n");
}
