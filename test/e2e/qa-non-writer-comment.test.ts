import { describe, expect, it } from "vitest";
import { waitQuiet, type World } from "@foreman/sandbox";
import { appComments, CASE_TIMEOUT_MS, explain, foremanChecks } from "./run-case.ts";
import { runCaseInWorld } from "./run-in-world.ts";
import { headOf, modelRequests, promptText, pullCommits, pullReviewComments } from "./qa-observe.ts";

const APPROVE_STEP = 2;

interface AfterReview {
  head: string;
  coderRequests: number;
}

async function observe(world: World, afterReview: AfterReview | undefined) {
  const comments = await pullReviewComments(world, "mean");
  return {
    afterReview,
    finalHead: headOf(world, "mean"),
    commits: (await pullCommits(world, "mean")).length,
    readerComments: comments.filter((comment) => comment.author === "rita").length,
    appReviewComments: comments.filter((comment) => comment.author === "foreman[bot]").length,
    appPullComments: appComments(world, { task: "mean" }),
    finalCheck: foremanChecks(world, headOf(world, "mean"))[0],
    promptsMentioningRita: modelRequests(world).filter((request) => /RITA-/.test(promptText(request))).length,
  };
}

describe("a review and review comment by a user with read permission", () => {
  it(
    "never reaches the model and changes nothing on the pull request",
    async () => {
      let afterReview: AfterReview | undefined;
      const run = await runCaseInWorld("qa-non-writer-comment.yml", {
        beforeStep: async (world, index) => {
          if (index !== APPROVE_STEP) return;
          await waitQuiet(world, 15_000);
          afterReview = { head: headOf(world, "mean"), coderRequests: modelRequests(world, "coder").length };
        },
        observe: (world) => observe(world, afterReview),
      });

      expect(run.failures, explain(run)).toEqual([]);
      const { observed } = run;
      expect(observed.readerComments).toBe(1);
      expect(observed.afterReview).toEqual({ head: observed.finalHead, coderRequests: 1 });
      expect(observed.commits).toBe(1);
      expect(observed.appReviewComments).toBe(0);
      expect(observed.appPullComments.filter((body) => body.includes("rita"))).toEqual([]);
      expect(observed.promptsMentioningRita).toBe(0);
      expect(observed.finalCheck).toMatchObject({ conclusion: "success", title: "Approved" });
    },
    CASE_TIMEOUT_MS,
  );
});
