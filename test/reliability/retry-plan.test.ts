import { describe, expect, it } from "vitest";
import { GitHubCallError, GitHubRateLimitError } from "../../src/ports/errors.ts";
import { ModelCallError } from "../../src/ports/model-error.ts";
import { StaleWorkflowError } from "../../src/worker/apply-event.ts";
import { retryPlan } from "../../src/worker/worker.ts";

const half = (): number => 0.5;
const SECONDARY =
  "GitHub POST /repos/acme/stats/pulls failed with 403: You have exceeded a secondary rate limit. Please wait a few minutes before you try again.";

describe("retryPlan", () => {
  it("waits as long as a secondary rate limit's retry-after says, and never fails the job for it", () => {
    const error = new GitHubRateLimitError(SECONDARY, 403, { limit: "secondary", ms: 7_000, named: true });

    expect(retryPlan(error, 20, 0, half)).toEqual({ delayMs: 7_000, wait: true });
  });

  it("backs off from 60 s on a secondary rate limit without retry-after, longer each time", () => {
    const error = new GitHubRateLimitError(SECONDARY, 403, { limit: "secondary", ms: 60_000, named: false });

    const delays = [0, 1, 2, 5].map((waits) => retryPlan(error, 1, waits, half)?.delayMs);

    expect(delays).toEqual([60_000, 120_000, 240_000, 900_000]);
    expect(retryPlan(error, 1, 0, half)?.wait).toBe(true);
  });

  it("waits for the reset of an exhausted primary rate limit", () => {
    const error = new GitHubRateLimitError("GitHub GET … failed with 403: API rate limit exceeded", 403, {
      limit: "primary",
      ms: 42_000,
      named: true,
    });

    expect(retryPlan(error, 1, 0, half)).toEqual({ delayMs: 42_000, wait: true });
  });

  it("retries a GitHub 5xx with jittered exponential backoff, counting the attempt", () => {
    const error = new GitHubCallError("GitHub GET … failed with 502", 502, "server", 5_000);

    expect(retryPlan(error, 1, 0, half)).toEqual({ delayMs: 1_500, wait: false });
    expect(retryPlan(error, 6, 0, half)).toEqual({ delayMs: 48_000, wait: false });
  });

  it("does not retry a GitHub refusal such as a 404", () => {
    expect(retryPlan(new GitHubCallError("gone", 404, "not_found", null), 1, 0, half)).toBeNull();
  });

  it("waits out a model 429 for its retry-after and does not count it against the job", () => {
    expect(retryPlan(new ModelCallError("rate limited", 429, true, 3_000), 5, 0, half)).toEqual({ delayMs: 3_000, wait: true });
  });

  it("does not retry a spent model budget", () => {
    expect(retryPlan(new ModelCallError("quota", 429, false, null), 1, 0, half)).toBeNull();
  });

  it("runs a job whose save lost the race again at once", () => {
    expect(retryPlan(new StaleWorkflowError("w1"), 1, 0, half)).toEqual({ delayMs: 0, wait: false });
  });

  it("keeps the jitter within the upper half of the backoff", () => {
    const error = new Error("unexpected");

    expect(retryPlan(error, 3, 0, () => 0)?.delayMs).toBe(4_000);
    expect(retryPlan(error, 3, 0, () => 0.999_999)?.delayMs).toBe(8_000);
  });
});
