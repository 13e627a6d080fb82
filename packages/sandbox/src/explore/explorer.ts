import type { Guarantee, RoleCounts } from "./checks/index.ts";
import { baselineOf, generateSchedule } from "./generate.ts";
import { runSchedule, type ExploreSetup, type ScheduleRun } from "./run-schedule.ts";
import type { Schedule, ScheduleKind } from "./schedule.ts";
import { shrinkSchedule, type ShrinkResult } from "./shrink.ts";

/** The violations of one guarantee in a run. */
export const violationsOf = (run: ScheduleRun, guarantee: Guarantee): string[] =>
  run.outcomes.find((outcome) => outcome.guarantee === guarantee)?.violations ?? [];

/** What kind of violation a text tells, without its shas, numbers and times: a replay must fail the same way. */
const signature = (violation: string): string => violation.replace(/\b[0-9a-f]{7,40}\b|\d+(?:\.\d+)?/g, "#").slice(0, 60);

/**
 * Generates schedules from seeds, plays and checks them, and shrinks a violation. A `faults`
 * schedule is compared with the fault-free baseline run of its plan, played once per plan.
 */
export class Explorer {
  readonly setup: ExploreSetup;
  private readonly baselines = new Map<string, Promise<ScheduleRun>>();

  constructor(setup: ExploreSetup) {
    this.setup = setup;
  }

  private get generateOptions(): Parameters<typeof generateSchedule>[1] {
    return { plans: this.setup.plans, files: this.setup.repository.files, label: this.setup.label };
  }

  /** The schedule of a seed, optionally of a given kind. */
  schedule(seed: number, kind?: ScheduleKind): Schedule {
    return generateSchedule(seed, { ...this.generateOptions, ...(kind ? { kind } : {}) });
  }

  /** The baseline run of a plan: played the first time a `faults` schedule of that plan needs it. */
  baseline(schedule: Schedule): Promise<ScheduleRun> {
    const known = this.baselines.get(schedule.plan);
    if (known) return known;
    const run = runSchedule(baselineOf(schedule, this.generateOptions), this.setup, null);
    this.baselines.set(schedule.plan, run);
    return run;
  }

  /** The baseline runs played so far. */
  async baselineRuns(): Promise<ScheduleRun[]> {
    return Promise.all(this.baselines.values());
  }

  async run(schedule: Schedule): Promise<ScheduleRun> {
    const baseline: RoleCounts | null = schedule.kind === "faults" ? (await this.baseline(schedule)).paid : null;
    return runSchedule(schedule, this.setup, baseline);
  }

  /**
   * A smaller schedule that still violates the guarantee the same way (one of `violations`, shas,
   * numbers and times aside), within `maxReplays` replays.
   */
  shrink(schedule: Schedule, guarantee: Guarantee, violations: readonly string[], maxReplays: number): Promise<ShrinkResult> {
    const wanted = new Set(violations.map(signature));
    return shrinkSchedule(
      schedule,
      async (candidate) => violationsOf(await this.run(candidate), guarantee).filter((violation) => wanted.has(signature(violation))),
      maxReplays,
    );
  }
}

/** Maps over items with at most `concurrency` in flight, keeping their order. */
export async function mapPool<T, R>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, () => worker()));
  return results;
}
