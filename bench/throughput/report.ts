/**
 * The report of `npm run bench`: every part's figures, the goals as ratios with met or not, and a
 * readable table of all of it.
 */
import type { IntakeReport } from "../intake/report.ts";
import { goalsOf, type Goal } from "./goals.ts";
import type { MemoryFigure } from "./memory.ts";
import type { Part, ScalingFigures, Section, WritesFigures } from "./parts.ts";

export interface Sections {
  writes?: Section<WritesFigures>;
  scaling?: Section<ScalingFigures>;
  intake?: Section<IntakeReport>;
  memory?: Section<MemoryFigure[]>;
}

export interface ThroughputReport {
  command: string;
  date: string;
  seconds: number;
  parts: Part[];
  writes: WritesFigures | null;
  scaling: ScalingFigures | null;
  intake: IntakeReport | null;
  memory: MemoryFigure[] | null;
  goals: Goal[];
  failures: string[];
}

/** The report of the parts that ran, the goals computed from their figures. */
export function reportOf(input: { command: string; startedAt: number; parts: Part[]; sections: Sections }): ThroughputReport {
  const { writes, scaling, intake, memory } = input.sections;
  const w = writes?.figures ?? null;
  const s = scaling?.figures ?? null;
  const i = intake?.figures ?? null;
  const m = memory?.figures ?? null;
  const goals = goalsOf({
    writesToFloor: w?.ratioToFloor ?? null,
    scalingT8ToT1: s?.runs.find((run) => run.tasks === 8)?.ratioToOne ?? null,
    intakeToBare: i ? i.ratios.map((ratio) => ratio.throughput) : null,
    rssMbAt1000: m?.find((figure) => figure.openWorkflows === 1000)?.rssMb ?? null,
  });
  return {
    command: input.command,
    date: new Date().toISOString(),
    seconds: Math.round((Date.now() - input.startedAt) / 1000),
    parts: input.parts,
    writes: w,
    scaling: s,
    intake: i,
    memory: m,
    goals,
    failures: Object.values(input.sections).flatMap((section: Section<unknown>) => section.failures),
  };
}

const row = (label: string, value: string): string => `  ${label.padEnd(48)} ${value}`;
const orDash = (value: number | null | undefined, unit = ""): string => (value === null || value === undefined ? "-" : `${value}${unit}`);

function writesRows(writes: WritesFigures): string[] {
  return [
    `GitHub writes (${writes.scenario}, ${writes.tasks} tasks)`,
    row("writes / floor", `${writes.writes} / ${writes.floor} = ${writes.ratioToFloor}×`),
    row("writes per task (issue's spread over its tasks)", String(writes.writesPerTask)),
    row("floor per task / per issue", `${writes.floorRule.perTask} / ${writes.floorRule.perIssue}`),
    row("tasks per hour per installation at 500 writes/h", String(writes.tasksPerHourAt500)),
  ];
}

function scalingRows(scaling: ScalingFigures): string[] {
  return [
    `Label-to-closed, throttle ${scaling.throttle}, model ${scaling.modelDelayMs} ms an answer`,
    ...scaling.runs.map((run) =>
      row(
        `N = ${run.tasks}`,
        `T ${orDash(run.labelToClosedSeconds, " s")}, T(N)/T(1) ${orDash(run.ratioToOne, "×")}, app CPU ${run.appCpuSecondsPerTask} s a task (+ ${run.appChildrenCpuSeconds} s in child processes)${run.ok ? "" : " FAILED"}`,
      ),
    ),
  ];
}

function intakeRows(intake: IntakeReport): string[] {
  const lines = [`Webhook intake, ${intake.deliveriesPerRun} deliveries a run`];
  for (const summary of intake.summaries)
    lines.push(
      row(
        `${summary.kind}, concurrency ${summary.concurrency}`,
        `${summary.deliveriesPerSecond}/s, p50 ${summary.p50Ms} ms, p99 ${summary.p99Ms} ms`,
      ),
    );
  for (const ratio of intake.ratios)
    lines.push(row(`foreman / bare, concurrency ${ratio.concurrency}`, `${ratio.throughput}× (p50 ${ratio.p50}×, p99 ${ratio.p99}×)`));
  return lines;
}

function memoryRows(memory: MemoryFigure[]): string[] {
  return [
    "Resident memory of the app, restarted over its open workflows",
    ...memory.map((figure) =>
      row(
        `${figure.openWorkflows} open workflows`,
        `RSS ${figure.rssMb} MB (peak ${figure.peakRssMb} MB), ${figure.settled ? "settled" : "still reconciling"} after ${figure.settleSeconds} s and ${figure.apiCalls} GitHub calls`,
      ),
    ),
  ];
}

function goalRows(goals: Goal[]): string[] {
  const verdict = (goal: Goal): string => (goal.met === null ? "not measured" : goal.met ? "met" : "NOT met");
  return ["Goals", ...goals.map((goal) => row(goal.name, `${orDash(goal.measured)} ${goal.comparison} ${goal.limit}: ${verdict(goal)}`))];
}

/** Every figure of the report as a table, part by part, then the goals and the failures. */
export function formatReport(report: ThroughputReport): string {
  const blocks = [
    report.writes ? writesRows(report.writes) : [],
    report.scaling ? scalingRows(report.scaling) : [],
    report.intake ? intakeRows(report.intake) : [],
    report.memory ? memoryRows(report.memory) : [],
    goalRows(report.goals),
    report.failures.map((failure) => `FAILED ${failure}`),
  ];
  return blocks
    .filter((block) => block.length > 0)
    .map((block) => block.join("\n"))
    .join("\n\n");
}
