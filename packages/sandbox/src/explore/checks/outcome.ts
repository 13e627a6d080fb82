import type { RunView } from "../run-view.ts";

export const GUARANTEES = ["G1", "G2", "G3", "G4", "G5", "G6", "G7", "G7b", "G8"] as const;
export type Guarantee = (typeof GUARANTEES)[number];

/** What a check found in one run: whether the run gave it anything to check, and each violation in words. */
export interface CheckOutcome {
  guarantee: Guarantee;
  checked: boolean;
  violations: string[];
}

/** Model requests per role that were answered (paid), from the fault-free run of the same plan. */
export type RoleCounts = Record<string, number>;

export interface CheckContext {
  /** The fault-free baseline's answered requests per role; null when the run is not compared (G5 unchecked). */
  baseline: RoleCounts | null;
}

export type Check = (view: RunView, context: CheckContext) => Promise<CheckOutcome>;

export const outcome = (guarantee: Guarantee, checked: boolean, violations: string[] = []): CheckOutcome => ({
  guarantee,
  checked,
  violations,
});
