import { timingOf, type Timing } from "./deliveries.ts";
import type { ServerKind, Served } from "./serve.ts";

/** One run, with the CPU time the app's process spent on it (its load generator's apart). */
interface Run extends Timing {
  serverCpuUsPerDelivery: number;
}

/** Every run of one app at one concurrency. */
export interface Measured {
  kind: ServerKind;
  concurrency: number;
  runs: Run[];
}

/** One app at one concurrency: the median run's rate, the percentiles over every run's deliveries. */
interface Summary {
  kind: ServerKind;
  concurrency: number;
  deliveriesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** The median run's CPU time of the app's process per delivery: steadier than the rates on a busy machine. */
  serverCpuUsPerDelivery: number;
  runsPerSecond: number[];
}

interface Ratio {
  concurrency: number;
  /** Foreman's deliveries per second over bare Probot's: the goal is at least `GOAL`. */
  throughput: number;
  p50: number;
  p99: number;
  /** Foreman's CPU time per delivery over bare Probot's. */
  serverCpu: number;
}

export interface IntakeReport {
  command: string;
  date: string;
  seconds: number;
  deliveriesPerRun: number;
  goal: string;
  summaries: Summary[];
  ratios: Ratio[];
  goalMet: boolean;
  /** Deliveries not acknowledged, or acknowledged and not queued: each is a failed run. */
  failures: string[];
}

const GOAL = 0.8;

const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function summaryOf(measured: Measured): Summary {
  const pooled = timingOf(
    measured.runs.flatMap((run) => run.latenciesMs),
    0,
    1,
  );
  const rates = measured.runs.map((run) => run.perSecond);
  return {
    kind: measured.kind,
    concurrency: measured.concurrency,
    deliveriesPerSecond: round(median(rates), 0),
    p50Ms: round(pooled.p50Ms),
    p99Ms: round(pooled.p99Ms),
    serverCpuUsPerDelivery: round(median(measured.runs.map((run) => run.serverCpuUsPerDelivery)), 0),
    runsPerSecond: rates.map((rate) => round(rate, 0)),
  };
}

function ratiosOf(summaries: Summary[]): Ratio[] {
  const levels = [...new Set(summaries.map((summary) => summary.concurrency))];
  return levels.flatMap((concurrency) => {
    const bare = summaries.find((summary) => summary.kind === "bare" && summary.concurrency === concurrency);
    const foreman = summaries.find((summary) => summary.kind === "foreman" && summary.concurrency === concurrency);
    if (!bare || !foreman) return [];
    return [
      {
        concurrency,
        throughput: round(foreman.deliveriesPerSecond / bare.deliveriesPerSecond),
        p50: round(foreman.p50Ms / bare.p50Ms),
        p99: round(foreman.p99Ms / bare.p99Ms),
        serverCpu: round(foreman.serverCpuUsPerDelivery / bare.serverCpuUsPerDelivery),
      },
    ];
  });
}

/** What went wrong: deliveries an app did not acknowledge, and deliveries Foreman acknowledged but did not queue. */
function failuresOf(posted: Record<ServerKind, Timing[]>, served: Served[]): string[] {
  const failures: string[] = [];
  for (const [kind, runs] of Object.entries(posted)) {
    const missed = runs.reduce((sum, run) => sum + run.deliveries - run.acknowledged, 0);
    if (missed > 0) failures.push(`${kind}: ${missed} deliveries not acknowledged`);
  }
  const acknowledged = posted.foreman.reduce((sum, run) => sum + run.acknowledged, 0);
  const queued = served.find((entry) => entry.kind === "foreman")?.queuedJobs;
  if (queued !== acknowledged) failures.push(`foreman: ${acknowledged} deliveries acknowledged, ${queued ?? "no"} jobs queued`);
  return failures;
}

export function reportOf(input: {
  command: string;
  startedAt: number;
  deliveries: number;
  measured: Measured[];
  posted: Record<ServerKind, Timing[]>;
  served: Served[];
}): IntakeReport {
  const summaries = input.measured.map(summaryOf);
  const ratios = ratiosOf(summaries);
  return {
    command: input.command,
    date: new Date().toISOString(),
    seconds: Math.round((Date.now() - input.startedAt) / 1000),
    deliveriesPerRun: input.deliveries,
    goal: `Foreman's deliveries per second at least ${GOAL}× bare Probot's, at every concurrency`,
    summaries,
    ratios,
    goalMet: ratios.length > 0 && ratios.every((ratio) => ratio.throughput >= GOAL),
    failures: failuresOf(input.posted, input.served),
  };
}

/** The report as a table: one row per concurrency, both apps side by side, then the failures. */
export function formatReport(report: IntakeReport): string {
  const rows = report.ratios.map((ratio) => {
    const of = (kind: ServerKind) => report.summaries.find((summary) => summary.kind === kind && summary.concurrency === ratio.concurrency);
    const figures = (summary: Summary | undefined) =>
      summary
        ? `${summary.deliveriesPerSecond}/s p50 ${summary.p50Ms} ms p99 ${summary.p99Ms} ms, CPU ${summary.serverCpuUsPerDelivery} µs`
        : "-";
    const ratios = `ratio ${ratio.throughput}× (p50 ${ratio.p50}×, p99 ${ratio.p99}×, CPU ${ratio.serverCpu}×)`;
    return `concurrency ${ratio.concurrency}: bare ${figures(of("bare"))}; foreman ${figures(of("foreman"))}; ${ratios}`;
  });
  const goal = `goal: ${report.goal}: ${report.goalMet ? "met" : "NOT met"}`;
  return [...rows, goal, ...report.failures.map((failure) => `FAILED ${failure}`)].join("\n");
}
