import { CI_RUN_SECONDS, type CheckRunRecord } from "./run.ts";

export interface ChecksReport {
  command: string;
  date: string;
  seconds: number;
  /** The seconds one CI run is taken to last in `wallSecondsAt60sCi`. */
  ciRunSeconds: number;
  goal: string;
  /** Red CI runs with local checks on, over every scenario: the goal is 0. */
  redCiRunsWithChecks: number;
  runs: CheckRunRecord[];
}

export function reportOf(command: string, startedAt: number, runs: CheckRunRecord[]): ChecksReport {
  return {
    command,
    date: new Date().toISOString(),
    seconds: Math.round((Date.now() - startedAt) / 1000),
    ciRunSeconds: CI_RUN_SECONDS,
    goal: "no red CI run with local checks on, where there is at least one per scenario with them off",
    redCiRunsWithChecks: runs.filter((run) => run.checks === "on").reduce((sum, run) => sum + run.redCiRuns, 0),
    runs,
  };
}

/** The report as a table: one row per scenario and mode, per task. */
export function formatReport(report: ChecksReport): string {
  const header = [
    "scenario",
    "checks",
    "done",
    "tasks",
    "CI runs/task",
    "red/task",
    "model calls/task",
    "local runs",
    `wall/task at ${report.ciRunSeconds} s CI`,
  ];
  const rows = report.runs.map((run) => [
    run.scenario,
    run.checks,
    run.completed ? "yes" : "NO",
    String(run.tasks),
    String(run.perTask.ciRuns),
    String(run.perTask.redCiRuns),
    String(run.perTask.modelCalls),
    String(run.localCheckRuns),
    `${run.perTask.wallSecondsAt60sCi} s`,
  ]);
  const widths = header.map((cell, index) => Math.max(cell.length, ...rows.map((row) => (row[index] ?? "").length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, index) => cell.padEnd(widths[index] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line), "", `red CI runs with local checks on: ${report.redCiRunsWithChecks} (goal: 0)`].join("\n");
}
