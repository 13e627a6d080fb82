import { describe, expect, it } from "vitest";
import { appComments, CASE_TIMEOUT_MS, explain } from "./run-case.ts";
import { runCaseInWorld } from "./run-in-world.ts";

describe("an /approve whose webhook was lost, found by the reconciler after a push (G1)", () => {
  it(
    "approves nothing it did not see: the pushed commit merges only after an approval written once it existed",
    async () => {
      const run = await runCaseInWorld("approve-lost-then-push.yml", {
        observe: (world) => {
          const comments = appComments(world, { task: "mean" });
          return {
            unbound: comments.filter((body) => body.includes("approves nothing")),
            voided: comments.filter((body) => body.includes("so the approval no longer applies")),
          };
        },
      });

      expect(run.failures, explain(run)).toEqual([]);
      // Usually the reconciler finds the lost comment after the push; if it finds it before, the push voids it.
      expect(run.observed.unbound.length + run.observed.voided.length, explain(run)).toBeGreaterThan(0);
    },
    CASE_TIMEOUT_MS,
  );
});
