import { describe, expect, it } from "vitest";
import { BranchMovedError, GitHubCallError, isGone, nullIfGone } from "../../../src/ports/errors.ts";

describe("nullIfGone", () => {
  it("answers the value of a read that succeeds", async () => {
    expect(await nullIfGone(Promise.resolve({ number: 1 }))).toEqual({ number: 1 });
  });

  it.each(["not_found", "gone"] as const)("answers null for a read that failed as %s", async (kind) => {
    expect(await nullIfGone(Promise.reject(new GitHubCallError("gone", kind === "gone" ? 410 : 404, kind, null)))).toBeNull();
  });

  it("rethrows any other failure", async () => {
    const failure = new GitHubCallError("GitHub GET … failed with 502", 502, "server", 5_000);

    await expect(nullIfGone(Promise.reject(failure))).rejects.toBe(failure);
  });
});

describe("isGone", () => {
  it("does not take a branch that moved, or an error that is not GitHub's, for something gone", () => {
    expect(isGone(new BranchMovedError("foreman/1/a", "a".repeat(40), "b".repeat(40)))).toBe(false);
    expect(isGone(new Error("not found"))).toBe(false);
  });
});
