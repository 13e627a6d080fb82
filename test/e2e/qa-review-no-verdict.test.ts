import { describe, expect, it } from "vitest";
import type { World } from "@foreman/sandbox";
import { appComments, CASE_TIMEOUT_MS, explain, foremanChecks } from "./run-case.ts";
import { runCaseInWorld } from "./run-in-world.ts";
import { headOf, issueLabels, pullReviews, reactionsOn } from "./qa-observe.ts";

const RETRY_STEP = 1;
const APPROVE_STEP = 3;

async function observe(world: World, seen: Map<number, { check: string | null | undefined; labels: string[] }>) {
  return {
    seen: Object.fromEntries(seen),
    escalations: appComments(world, { task: "mean" }).filter((body) => body.includes("Foreman needs a human")),
    reviews: await pullReviews(world, "mean"),
    retryReactions: reactionsOn(world, { task: "mean" }, "maya", "/retry"),
    finalCheck: foremanChecks(world, headOf(world, "mean"))[0],
  };
}

describe("a reviewer with no usable verdict", () => {
  it(
    "never counts as nothing blocking: a human is asked, /retry asks the reviewer again, /approve goes on without it",
    async () => {
      const seen = new Map<number, { check: string | null | undefined; labels: string[] }>();
      const run = await runCaseInWorld("qa-review-no-verdict.yml", {
        beforeStep: (world, index) => {
          if (index === RETRY_STEP || index === APPROVE_STEP)
            seen.set(index, { check: foremanChecks(world, headOf(world, "mean"))[0]?.conclusion, labels: issueLabels(world) });
          return Promise.resolve();
        },
        observe: (world) => observe(world, seen),
      });

      expect(run.failures, explain(run)).toEqual([]);
      const { observed } = run;
      // Before each human answer, the task waited on them: the check failed and the issue was labelled.
      expect(observed.seen).toEqual({
        [RETRY_STEP]: { check: "failure", labels: ["foreman", "foreman:needs-human"] },
        [APPROVE_STEP]: { check: "failure", labels: ["foreman", "foreman:needs-human"] },
      });
      // One escalation comment, updated in place, saying why and naming both ways on.
      expect(observed.escalations).toHaveLength(1);
      expect(observed.escalations[0]).toContain("The review could not be completed: the reviewer gave no usable verdict");
      expect(observed.escalations[0]).toContain("`/retry` on this pull request to have the change reviewed again");
      expect(observed.escalations[0]).toContain("`/approve` on this pull request to go on without the review");
      // No verdict was ever posted as a review.
      expect(observed.reviews).toEqual([]);
      // The check run answers the /retry at once (the review runs again): no reaction besides.
      expect(observed.retryReactions).toEqual([]);
      expect(observed.finalCheck).toMatchObject({ conclusion: "success", title: "Approved" });
    },
    CASE_TIMEOUT_MS,
  );
});
