import { describe, expect, it } from "vitest";
import { activeItems, type Schedule, type ScheduleItem } from "../../src/explore/schedule.ts";
import { shrinkSchedule } from "../../src/explore/shrink.ts";

const item = (what: string): ScheduleItem => ({ kind: "steps", what, steps: [] });

const schedule: Schedule = {
  seed: 7,
  kind: "humans",
  plan: "one task",
  config: { planApproval: "auto", review: true, mergeQueue: false, coderDelayMs: 200 },
  items: ["a", "b", "c", "d", "e", "f"].map(item),
};

const whats = (candidate: Schedule): string[] => activeItems(candidate).map(({ item: kept }) => kept.what);

describe("shrinking a schedule", () => {
  it("keeps only the items the failure needs", async () => {
    const fails = (candidate: Schedule): Promise<string[]> => {
      const kept = whats(candidate);
      return Promise.resolve(kept.includes("b") && kept.includes("e") ? ["still fails"] : []);
    };

    const result = await shrinkSchedule(schedule, fails, 20);

    expect(whats(result.schedule)).toEqual(["b", "e"]);
    expect(result.schedule.kept).toEqual([1, 4]);
    expect(result.reproduced).toBe(true);
  });

  it("stops after the replays it may spend, and says when nothing failed again", async () => {
    let replays = 0;
    const result = await shrinkSchedule(
      schedule,
      () => {
        replays += 1;
        return Promise.resolve([]);
      },
      3,
    );

    expect(replays).toBe(3);
    expect(result.replays).toBe(3);
    expect(result.reproduced).toBe(false);
    expect(whats(result.schedule)).toEqual(["a", "b", "c", "d", "e", "f"]);
  });
});
