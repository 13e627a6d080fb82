import { describe, expect, it } from "vitest";
import { DEFAULT_PACE, nextWriteAt, WritePacer, type PaceLimits } from "../../../src/adapters/github/write-pacer.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A clock the test moves; `sleep` moves it to the end of the sleep, as time passing would. */
function fakeClock(start = 0): { now: () => number; sleep: (ms: number) => Promise<void>; at: (time: number) => void; slept: number[] } {
  let now = start;
  const slept: number[] = [];
  return {
    now: () => now,
    sleep: (ms) => {
      slept.push(ms);
      now += ms;
      return Promise.resolve();
    },
    at: (time) => (now = time),
    slept,
  };
}

const pacer = (limits: Partial<PaceLimits>, clock = fakeClock()) => ({
  pacer: new WritePacer({ ...DEFAULT_PACE, ...limits }, clock),
  clock,
});

describe("the write pacer", () => {
  it("spaces a burst of writes a second apart, in the order they asked, and calls that no wait", () => {
    const { pacer: writes } = pacer({});

    const starts = [1, 2, 3, 4, 5].map(() => writes.reserve(7));

    expect(starts).toEqual([0, 1_000, 2_000, 3_000, 4_000]);
    expect(writes.heldUntil(7)).toBeNull();
  });

  it("holds the write past the minute's budget until the oldest write of the minute is a minute old", () => {
    const { pacer: writes, clock } = pacer({ perMinute: 3, spacingMs: 0 });
    const burst = [1, 2, 3].map(() => writes.reserve(7));
    clock.at(30_000);

    const fourth = writes.reserve(7);

    expect(burst).toEqual([0, 0, 0]);
    expect(fourth).toBe(MINUTE);
    expect(writes.heldUntil(7)).toBe(MINUTE);
    clock.at(MINUTE);
    expect(writes.heldUntil(7)).toBeNull();
  });

  it("slides the minute: a write goes out as soon as a minute has passed since the write it replaces", () => {
    const { pacer: writes, clock } = pacer({ perMinute: 2, spacingMs: 0 });
    writes.reserve(7);
    clock.at(40_000);
    writes.reserve(7);
    clock.at(61_000);

    // The first write is over a minute old, the second is not: one write may go now, the next waits for the second's minute.
    expect(writes.reserve(7)).toBe(61_000);
    expect(writes.reserve(7)).toBe(100_000);
  });

  it("holds writes past the hour's budget until the hour's oldest write is an hour old", () => {
    const { pacer: writes, clock } = pacer({ perMinute: 1_000, perHour: 4, spacingMs: 0 });
    for (const time of [0, 10 * MINUTE, 20 * MINUTE, 30 * MINUTE]) {
      clock.at(time);
      writes.reserve(7);
    }
    clock.at(31 * MINUTE);

    expect(writes.reserve(7)).toBe(HOUR);
    expect(writes.heldUntil(7)).toBe(HOUR);
    // Two hours on, the hour's writes are forgotten and the budget is whole again.
    clock.at(3 * HOUR);
    expect([1, 2, 3, 4].map(() => writes.reserve(7))).toEqual([3 * HOUR, 3 * HOUR, 3 * HOUR, 3 * HOUR]);
  });

  it("counts each installation apart", () => {
    const { pacer: writes } = pacer({ perMinute: 1, spacingMs: 0 });

    expect([writes.reserve(7), writes.reserve(8), writes.reserve(7)]).toEqual([0, 0, MINUTE]);
    expect(writes.heldUntil(7)).toBe(MINUTE);
    expect(writes.heldUntil(8)).toBeNull();
  });

  it("holds every write until the end of a limit GitHub answered with", () => {
    const { pacer: writes, clock } = pacer({});
    writes.hold(7, 45_000);
    clock.at(5_000);

    expect(writes.heldUntil(7)).toBe(45_000);
    expect(writes.reserve(7)).toBe(45_000);
    expect(writes.reserve(7)).toBe(46_000);
  });

  it("waits on the clock for a held write, and not at all for a free one", async () => {
    const clock = fakeClock(1_000);
    const { pacer: writes } = pacer({ perMinute: 1, spacingMs: 0 }, clock);

    await writes.acquire(7);
    await writes.acquire(7);

    expect(clock.slept).toEqual([MINUTE]);
    expect(clock.now()).toBe(1_000 + MINUTE);
  });

  it("keeps the default budget under GitHub's 80 a minute and 500 an hour", () => {
    const starts: number[] = [];
    for (let write = 0; write < 600; write += 1) starts.push(nextWriteAt(starts, 0, DEFAULT_PACE).at);

    const most = (window: number) =>
      Math.max(...starts.map((start) => starts.filter((other) => other > start - window && other <= start).length));
    expect(most(MINUTE)).toBe(60);
    expect(most(HOUR)).toBe(450);
    expect(DEFAULT_PACE.perMinute).toBeLessThan(80);
  });
});
