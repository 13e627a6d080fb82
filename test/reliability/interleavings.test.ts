import { describe, expect, it } from "vitest";
import { Explorer, mapPool, type ScheduleRun } from "@foreman/sandbox";
import { foremanSetup } from "../../bench/interleavings/setup.ts";

/**
 * A fixed subset of `npm run bench:interleavings` (docs/development/interleavings.md): one-task
 * schedules in which people push, comment, review, close and reopen while GitHub loses and repeats
 * webhooks, and one under faults alone, compared with its fault-free baseline. Every guarantee
 * G1–G8 must hold in each.
 */
const SEEDS = [1003, 1024, 1017];

const violations = (runs: readonly ScheduleRun[]): string[] =>
  runs.flatMap((run) =>
    run.outcomes.flatMap((outcome) =>
      outcome.violations.map(
        (line) =>
          `${outcome.guarantee} seed ${run.schedule.seed} (${run.schedule.kind}; replay: npm run bench:interleavings -- --replay ${run.schedule.seed}): ${line}`,
      ),
    ),
  );

describe("interleavings", () => {
  it("finds no violation of G1–G8 in a fixed set of schedules", { timeout: 240_000 }, async () => {
    const explorer = new Explorer(foremanSetup());

    const runs = await mapPool(SEEDS, 2, (seed) => explorer.run(explorer.schedule(seed)));
    const all = [...(await explorer.baselineRuns()), ...runs];

    expect(runs.map((run) => run.schedule.kind)).toEqual(["humans", "humans", "faults"]);
    expect(all.every((run) => run.outcomes.some((outcome) => outcome.guarantee === "G8" && outcome.checked))).toBe(true);
    expect(violations(all)).toEqual([]);
  });
});
