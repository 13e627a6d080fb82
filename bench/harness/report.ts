import type { Baseline, RunRecord } from "./run-bench.ts";

interface Totals {
  runs: number;
  runsCompleted: number;
  crashPointsTried: number;
  databaseLosses: number;
  duplicatesFound: number;
  tasksLost: number;
  webhookFaults: Record<string, number>;
  githubFaults: Record<string, number>;
  modelFaults: Record<string, number>;
}

export interface BenchReport {
  scenario: string;
  seed: number;
  startedAt: string;
  seconds: number;
  baseline: { seconds: number; deliveries: number; mergedTasks: string[]; mainTree: string };
  totals: Totals;
  runs: RunRecord[];
}

function merge(into: Record<string, number>, from: Record<string, number>): Record<string, number> {
  const sum = { ...into };
  for (const [key, n] of Object.entries(from)) sum[key] = (sum[key] ?? 0) + n;
  return sum;
}

function totalsOf(runs: RunRecord[]): Totals {
  const fired = (run: RunRecord, kind: string): number =>
    run.disruptions.filter((item) => item.kind === kind && item.firedAtMs !== null).length;
  return {
    runs: runs.length,
    runsCompleted: runs.filter((run) => run.completed).length,
    crashPointsTried: runs.reduce((sum, run) => sum + fired(run, "kill") + fired(run, "lose_database"), 0),
    databaseLosses: runs.reduce((sum, run) => sum + fired(run, "lose_database"), 0),
    duplicatesFound: runs.reduce((sum, run) => sum + run.duplicates.length, 0),
    tasksLost: runs.reduce((sum, run) => sum + run.lostTasks.length, 0),
    webhookFaults: runs.reduce((sum, run) => merge(sum, run.faults.webhooks), {}),
    githubFaults: runs.reduce((sum, run) => merge(sum, run.faults.github), {}),
    modelFaults: runs.reduce((sum, run) => merge(sum, run.faults.model), {}),
  };
}

const kinds = (counts: Record<string, number>): string =>
  Object.entries(counts)
    .map(([kind, n]) => `${kind} ${n}`)
    .join(", ") || "-";

function crashCell(run: RunRecord): string {
  const fired = run.disruptions.filter((item) => item.firedAtMs !== null);
  if (fired.length === 0) return "-";
  return fired
    .map((item) => `${item.kind === "lose_database" ? "db lost" : "kill"} @${((item.firedAtMs ?? 0) / 1000).toFixed(1)}s`)
    .join(" ");
}

function faultCell(run: RunRecord): string {
  const all = { ...run.faults.webhooks, ...run.faults.github, ...run.faults.model };
  return kinds(all);
}

function pad(cells: string[], widths: number[]): string {
  return cells.map((cell, index) => cell.padEnd(widths[index] ?? 0)).join("  ");
}

/** The report as a text table, one row per run, then the totals. */
export function formatReport(report: BenchReport): string {
  const header = ["run", "done", "s", "crash points", "faults injected", "dupes", "lost"];
  const rows = report.runs.map((run) => [
    run.name,
    run.completed ? "yes" : "NO",
    run.seconds.toFixed(1),
    crashCell(run),
    faultCell(run),
    String(run.duplicates.length),
    String(run.lostTasks.length),
  ]);
  const widths = header.map((cell, index) => Math.min(Math.max(cell.length, ...rows.map((row) => (row[index] ?? "").length)), 70));
  const { totals } = report;
  const problems = report.runs.flatMap((run) =>
    [...run.duplicates, ...run.lostTasks.map((task) => `lost task ${task}`), ...run.differences, ...run.problems].map(
      (line) => `  ${run.name}: ${line}`,
    ),
  );
  return [
    `Reliability bench: ${report.scenario}, seed ${report.seed}, baseline ${report.baseline.seconds.toFixed(1)} s (${report.baseline.deliveries} webhooks)`,
    "",
    pad(header, widths),
    pad(
      widths.map((width) => "-".repeat(width)),
      widths,
    ),
    ...rows.map((row) => pad(row, widths)),
    "",
    `runs completed:      ${totals.runsCompleted}/${totals.runs}`,
    `crash points tried:  ${totals.crashPointsTried} (of which database lost: ${totals.databaseLosses})`,
    `duplicates found:    ${totals.duplicatesFound}`,
    `tasks lost:          ${totals.tasksLost}`,
    `webhook faults:      ${kinds(totals.webhookFaults)}`,
    `GitHub faults:       ${kinds(totals.githubFaults)}`,
    `model faults:        ${kinds(totals.modelFaults)}`,
    `total time:          ${report.seconds.toFixed(0)} s`,
    ...(problems.length > 0 ? ["", "problems:", ...problems] : []),
  ].join("\n");
}

export function reportOf(scenario: string, seed: number, startedAt: number, baseline: Baseline, runs: RunRecord[]): BenchReport {
  return {
    scenario,
    seed,
    startedAt: new Date(startedAt).toISOString(),
    seconds: Math.round((Date.now() - startedAt) / 100) / 10,
    baseline: {
      seconds: baseline.seconds,
      deliveries: baseline.deliveries,
      mergedTasks: baseline.state.mergedTasks,
      mainTree: baseline.state.mainTree,
    },
    totals: totalsOf(runs),
    runs,
  };
}
