/**
 * The goals of "Throughput" as ratios, and whether each was met: pure functions of the figures.
 */

const GOALS = {
  /** GitHub writes at most 1.25 times the floor. */
  writesToFloor: 1.25,
  /** Label-to-closed of 8 independent tasks at most 1.3 times that of one, with the production throttle on. */
  scalingT8ToT1: 1.3,
  /** Foreman's webhook deliveries per second at least 0.8 times bare Probot's, at every concurrency. */
  intakeToBare: 0.8,
  /** Resident memory of the app with 1,000 open workflows under 300 MB. */
  rssMbAt1000: 300,
} as const;

export interface Goal {
  name: string;
  /** The figure compared, or null when its part did not run or failed. */
  measured: number | null;
  comparison: "<=" | ">=" | "<";
  limit: number;
  /** null when nothing was measured. */
  met: boolean | null;
}

const round = (value: number): number => Math.round(value * 100) / 100;

/** T(N)/T(1) for every N whose label-to-closed is known, T(1)'s included; empty without T(1). */
export function scalingRatios(times: readonly { tasks: number; seconds: number | null }[]): { tasks: number; ratio: number }[] {
  const one = times.find((time) => time.tasks === 1)?.seconds;
  if (one === undefined || one === null || one <= 0) return [];
  return times.flatMap((time) => (time.seconds === null ? [] : [{ tasks: time.tasks, ratio: round(time.seconds / one) }]));
}

function goal(name: string, measured: number | null, comparison: Goal["comparison"], limit: number): Goal {
  if (measured === null) return { name, measured, comparison, limit, met: null };
  const met = comparison === "<=" ? measured <= limit : comparison === ">=" ? measured >= limit : measured < limit;
  return { name, measured, comparison, limit, met };
}

export interface GoalInputs {
  writesToFloor: number | null;
  /** T(8)/T(1). */
  scalingT8ToT1: number | null;
  /** Foreman over bare Probot in deliveries per second, at each concurrency: the least is compared. */
  intakeToBare: readonly number[] | null;
  rssMbAt1000: number | null;
}

export function goalsOf(inputs: GoalInputs): Goal[] {
  const intake = inputs.intakeToBare && inputs.intakeToBare.length > 0 ? Math.min(...inputs.intakeToBare) : null;
  return [
    goal("GitHub writes / floor", inputs.writesToFloor, "<=", GOALS.writesToFloor),
    goal("T(8) / T(1), throttle on", inputs.scalingT8ToT1, "<=", GOALS.scalingT8ToT1),
    goal("webhook deliveries/s / bare Probot", intake, ">=", GOALS.intakeToBare),
    goal("RSS at 1,000 open workflows (MB)", inputs.rssMbAt1000, "<", GOALS.rssMbAt1000),
  ];
}
