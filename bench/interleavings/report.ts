import { describeSchedule, GUARANTEES, type Guarantee, type ScheduleRun, type ShrinkResult } from "@foreman/sandbox";

export interface ShrunkSchedule {
  /** The command that replays the shrunk schedule. */
  replay: string;
  items: string[];
  replays: number;
  /** Whether a replay failed the same way; false: the violation depends on timing and did not come back. */
  reproduced: boolean;
  /** The scenario file that replays it with the normal driver (`npm run demo -- --scenario <file>`). */
  scenarioFile: string;
}

export interface ViolationRecord {
  seed: number;
  guarantee: Guarantee;
  kind: string;
  plan: string;
  detail: string[];
  /** The command that replays the whole schedule. */
  replay: string;
  schedule: string[];
  shrunk: ShrunkSchedule | null;
}

interface RunSummary {
  seed: number;
  kind: string;
  plan: string;
  seconds: number;
  atRest: boolean;
  actions: number;
  violated: Guarantee[];
}

export interface InterleavingsReport {
  command: string;
  startedAt: string;
  seconds: number;
  seed: number;
  concurrency: number;
  schedules: number;
  /** Human actions performed in all schedules (and those skipped because they no longer applied). */
  actions: number;
  actionsSkipped: number;
  faults: { webhooks: number; github: number; model: number };
  /** How many runs each guarantee was checked on (a run with nothing for it to check does not count). */
  checked: Record<Guarantee, number>;
  /** How many runs violated each guarantee. */
  violated: Record<Guarantee, number>;
  violations: ViolationRecord[];
  /** Schedules that could not be played at all (the harness failed, not the app). */
  errors: Array<{ seed: number; error: string }>;
  runs: RunSummary[];
}

const replayCommand = (seed: number, kept?: readonly number[]): string =>
  `npm run bench:interleavings -- --replay ${seed}${kept ? ` --keep ${kept.join(",") || "none"}` : ""}`;

const perGuarantee = (
  runs: readonly ScheduleRun[],
  count: (run: ScheduleRun, guarantee: Guarantee) => boolean,
): Record<Guarantee, number> =>
  Object.fromEntries(GUARANTEES.map((guarantee) => [guarantee, runs.filter((run) => count(run, guarantee)).length])) as Record<
    Guarantee,
    number
  >;

const outcomeOf = (run: ScheduleRun, guarantee: Guarantee): ScheduleRun["outcomes"][number] | undefined =>
  run.outcomes.find((outcome) => outcome.guarantee === guarantee);

const sum = (counts: Record<string, number>): number => Object.values(counts).reduce((total, n) => total + n, 0);

/** Every violation of every run, in seed order. */
export function violationsOf(runs: readonly ScheduleRun[]): ViolationRecord[] {
  return runs.flatMap((run) =>
    run.outcomes
      .filter((outcome) => outcome.violations.length > 0)
      .map((outcome) => ({
        seed: run.schedule.seed,
        guarantee: outcome.guarantee,
        kind: run.schedule.kind,
        plan: run.schedule.plan,
        detail: outcome.violations,
        replay:
          run.schedule.kind === "baseline"
            ? replayCommand(
                run.schedule.seed,
                run.schedule.items.map((_, index) => index),
              )
            : replayCommand(run.schedule.seed),
        schedule: describeSchedule(run.schedule),
        shrunk: null,
      })),
  );
}

export function shrunkOf(result: ShrinkResult, scenarioFile: string): ShrunkSchedule {
  return {
    replay: replayCommand(result.schedule.seed, result.schedule.kept),
    items: describeSchedule(result.schedule).slice(1),
    replays: result.replays,
    reproduced: result.reproduced,
    scenarioFile,
  };
}

export function reportOf(
  header: Pick<InterleavingsReport, "command" | "seed" | "concurrency" | "errors">,
  startedAt: number,
  runs: readonly ScheduleRun[],
  violations: ViolationRecord[],
): InterleavingsReport {
  return {
    ...header,
    startedAt: new Date(startedAt).toISOString(),
    seconds: Math.round((Date.now() - startedAt) / 100) / 10,
    schedules: runs.length,
    actions: runs.reduce((total, run) => total + run.actions.performed, 0),
    actionsSkipped: runs.reduce((total, run) => total + run.actions.skipped, 0),
    faults: {
      webhooks: runs.reduce((total, run) => total + sum(run.faults.webhooks), 0),
      github: runs.reduce((total, run) => total + sum(run.faults.github), 0),
      model: runs.reduce((total, run) => total + sum(run.faults.model), 0),
    },
    checked: perGuarantee(runs, (run, guarantee) => outcomeOf(run, guarantee)?.checked === true),
    violated: perGuarantee(runs, (run, guarantee) => (outcomeOf(run, guarantee)?.violations.length ?? 0) > 0),
    violations,
    runs: runs.map((run) => ({
      seed: run.schedule.seed,
      kind: run.schedule.kind,
      plan: run.schedule.plan,
      seconds: run.seconds,
      atRest: run.atRest,
      actions: run.actions.performed,
      violated: run.outcomes.filter((outcome) => outcome.violations.length > 0).map((outcome) => outcome.guarantee),
    })),
  };
}

/** One line per finished run, as it finishes. */
export function runLine(run: ScheduleRun, done: number, total: number): string {
  const violated = run.outcomes.filter((outcome) => outcome.violations.length > 0).map((outcome) => outcome.guarantee);
  const verdict = violated.length === 0 ? "ok" : `VIOLATES ${violated.join(" ")}`;
  return `[${done}/${total}] seed ${run.schedule.seed} ${run.schedule.kind} ${run.schedule.plan}: ${run.seconds.toFixed(1)} s, ${run.actions.performed} actions, ${verdict}`;
}

/** The report as a short table: per guarantee, the runs it was checked on and violated in, then each violation. */
export function formatReport(report: InterleavingsReport): string {
  const rows = GUARANTEES.map(
    (guarantee) =>
      `${guarantee.padEnd(4)}  ${String(report.checked[guarantee]).padStart(7)}  ${String(report.violated[guarantee]).padStart(8)}`,
  );
  const violations = report.violations.flatMap((violation) => [
    `${violation.guarantee} seed ${violation.seed} (${violation.kind}, ${violation.plan}): ${violation.detail[0] ?? ""}${violation.detail.length > 1 ? ` (+${violation.detail.length - 1} more)` : ""}`,
    `    replay: ${violation.shrunk?.replay ?? violation.replay}${violation.shrunk ? ` (shrunk to ${violation.shrunk.items.length} items in ${violation.shrunk.replays} replays${violation.shrunk.reproduced ? "" : ", did not reproduce"})` : ""}`,
  ]);
  return [
    `Interleavings: ${report.schedules} schedules, ${report.actions} human actions (${report.actionsSkipped} skipped), faults: ${report.faults.webhooks} webhook, ${report.faults.github} GitHub, ${report.faults.model} model; ${report.seconds.toFixed(0)} s`,
    "",
    "G     checked  violated",
    "----  -------  --------",
    ...rows,
    ...(violations.length > 0 ? ["", "violations:", ...violations] : ["", "no violations"]),
    ...(report.errors.length > 0
      ? ["", "could not be played:", ...report.errors.map((error) => `seed ${error.seed}: ${error.error}`)]
      : []),
  ].join("\n");
}
