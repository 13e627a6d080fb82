import { describe, expect, it } from "vitest";
import { CASE_TIMEOUT_MS, explain } from "./run-case.ts";
import { runCaseInWorld } from "./run-in-world.ts";
import { pullReviews } from "./qa-observe.ts";

describe("GitHub fails after a model answered (G5)", () => {
  it(
    "asks the coder and the reviewer once each, and shows the verdict it acts on",
    async () => {
      const run = await runCaseInWorld("model-answer-paid-once.yml", {
        observe: async (world) => ({ reviews: await pullReviews(world, "mean") }),
      });

      expect(run.failures, explain(run)).toEqual([]);
      const appReviews = run.observed.reviews.filter((review) => review.author === "foreman[bot]");
      expect(appReviews).toHaveLength(1);
      expect(appReviews[0]?.body).toContain("Nothing blocking");
    },
    CASE_TIMEOUT_MS,
  );
});
