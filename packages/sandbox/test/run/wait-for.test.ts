import { describe, expect, it } from "vitest";
import { waitFor } from "../../src/index.ts";

describe("waitFor", () => {
  it("resolves true as soon as the check holds, without waiting for the deadline", async () => {
    let calls = 0;
    const started = Date.now();

    const held = await waitFor(() => ++calls >= 3, Date.now() + 10_000, 10);

    expect(held).toBe(true);
    expect(calls).toBe(3);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("resolves false once the deadline has passed and the check still fails", async () => {
    let calls = 0;

    const held = await waitFor(
      () => {
        calls += 1;
        return false;
      },
      Date.now() + 100,
      10,
    );

    expect(held).toBe(false);
    expect(calls).toBeGreaterThan(1);
  });

  it("awaits an asynchronous check and asks it once more at a deadline already past", async () => {
    const answers = [false, true];

    const held = await waitFor(() => Promise.resolve(answers.shift() ?? false), Date.now() - 1);

    expect(held).toBe(false);
    expect(answers).toEqual([true]);
  });
});
