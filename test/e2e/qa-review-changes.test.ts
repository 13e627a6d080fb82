import { describe, expect, it } from "vitest";
import type { World } from "@foreman/sandbox";
import { CASE_TIMEOUT_MS, explain, foremanChecks } from "./run-case.ts";
import { runCaseInWorld } from "./run-in-world.ts";
import { headOf, modelRequests, promptText, pullCommits, pullReviewComments, pullReviews } from "./qa-observe.ts";

async function observe(world: World) {
  const commits = await pullCommits(world, "mean");
  const reviews = await pullReviews(world, "mean");
  const comments = await pullReviewComments(world, "mean");
  return {
    commits: commits.map((commit) => commit.message.split("\n")[0]),
    reviews: reviews.map((review) => ({ author: review.author, state: review.state, body: review.body })),
    inline: comments.map((comment) => ({ author: comment.author, path: comment.path, line: comment.line, body: comment.body })),
    revisionPrompt: promptText(modelRequests(world, "coder")[1]),
    firstCheck: foremanChecks(world, commits[0]?.sha ?? "")[0],
    finalCheck: foremanChecks(world, headOf(world, "mean"))[0],
  };
}

describe("the reviewer requests changes", () => {
  it(
    "posts the finding inline in a COMMENT review, the coder answers with a commit, and the second review approves",
    async () => {
      const run = await runCaseInWorld("qa-review-changes.yml", { observe });

      expect(run.failures, explain(run)).toEqual([]);
      const { observed } = run;
      // The second review found nothing blocking and nothing to place in the diff: its check run said so, no review did.
      expect(observed.reviews.map((review) => `${review.author}:${review.state}`)).toEqual(["foreman[bot]:COMMENTED"]);
      expect(observed.reviews[0]?.body).toContain("Foreman's reviewer requests changes");
      expect(observed.inline.map(({ author, path, line }) => ({ author, path, line }))).toEqual([
        { author: "foreman[bot]", path: "src/mean.js", line: 4 },
      ]);
      expect(observed.inline[0]?.body).toContain("EMPTY-LIST-FINDING: mean([]) returns NaN");
      expect(observed.commits).toEqual(["Add mean()", "Address review on Add mean()"]);
      expect(observed.revisionPrompt).toContain("EMPTY-LIST-FINDING: mean([]) returns NaN");
      expect(observed.firstCheck).toMatchObject({ conclusion: "neutral", title: "Superseded" });
      expect(observed.finalCheck).toMatchObject({ conclusion: "success", title: "Approved" });
    },
    CASE_TIMEOUT_MS,
  );
});
