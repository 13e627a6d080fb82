import { describe, expect, it } from "vitest";
import { goalsOf, scalingRatios } from "../../../../bench/throughput/goals.ts";

describe("scalingRatios", () => {
  it("divides each label-to-closed time by that of one task", () => {
    const times = [
      { tasks: 1, seconds: 40 },
      { tasks: 4, seconds: 46 },
      { tasks: 8, seconds: 70 },
    ];

    expect(scalingRatios(times)).toEqual([
      { tasks: 1, ratio: 1 },
      { tasks: 4, ratio: 1.15 },
      { tasks: 8, ratio: 1.75 },
    ]);
  });

  it("leaves out a run without a time, and has no ratio without T(1)", () => {
    expect(
      scalingRatios([
        { tasks: 1, seconds: 50 },
        { tasks: 8, seconds: null },
      ]),
    ).toEqual([{ tasks: 1, ratio: 1 }]);
    expect(scalingRatios([{ tasks: 8, seconds: 70 }])).toEqual([]);
    expect(scalingRatios([{ tasks: 1, seconds: null }])).toEqual([]);
  });
});

describe("goalsOf", () => {
  it("meets each goal at its limit, on the right side of it", () => {
    const goals = goalsOf({ writesToFloor: 1.25, scalingT8ToT1: 1.3, intakeToBare: [0.8, 0.95], rssMbAt1000: 299.9 });

    expect(goals.map((goal) => [goal.name, goal.measured, goal.met])).toEqual([
      ["GitHub writes / floor", 1.25, true],
      ["T(8) / T(1), throttle on", 1.3, true],
      ["webhook deliveries/s / bare Probot", 0.8, true],
      ["RSS at 1,000 open workflows (MB)", 299.9, true],
    ]);
  });

  it("misses a goal past its limit, and compares intake at its worst concurrency", () => {
    const goals = goalsOf({ writesToFloor: 1.5, scalingT8ToT1: 1.31, intakeToBare: [0.95, 0.55], rssMbAt1000: 300 });

    expect(goals.map((goal) => [goal.measured, goal.met])).toEqual([
      [1.5, false],
      [1.31, false],
      [0.55, false],
      [300, false],
    ]);
  });

  it("says a goal whose part did not run was not measured", () => {
    const goals = goalsOf({ writesToFloor: null, scalingT8ToT1: null, intakeToBare: [], rssMbAt1000: null });

    expect(goals.every((goal) => goal.measured === null && goal.met === null)).toBe(true);
  });
});
