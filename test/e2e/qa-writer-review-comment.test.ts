import { describe, expect, it } from "vitest";
import type { World } from "@foreman/sandbox";
import { CASE_TIMEOUT_MS, explain, foremanChecks } from "./run-case.ts";
import { runCaseInWorld } from "./run-in-world.ts";
import { headOf, modelRequests, promptText, pullCommits, pullReviewComments } from "./qa-observe.ts";

async function observe(world: World) {
  return {
    commits: await pullCommits(world, "mean"),
    comments: await pullReviewComments(world, "mean"),
    revisionPrompt: promptText(modelRequests(world, "coder")[1]),
    finalCheck: foremanChecks(world, headOf(world, "mean"))[0],
  };
}

describe("a writer's review comment on a task pull request", () => {
  it(
    "goes to the coder, whose commit is pushed and announced by a reply in the comment's thread",
    async () => {
      const run = await runCaseInWorld("qa-writer-review-comment.yml", { observe });

      expect(run.failures, explain(run)).toEqual([]);
      const { commits, comments, revisionPrompt, finalCheck } = run.observed;
      expect(commits.map((commit) => commit.message.split("\n")[0])).toEqual(["Add mean()", "Address review on Add mean()"]);
      const answer = commits[1]?.sha.slice(0, 7) ?? "";
      const maya = comments.find((comment) => comment.author === "maya");
      expect(maya).toMatchObject({ path: "src/mean.js", line: 3, inReplyTo: null });
      const replies = comments.filter((comment) => comment.author === "foreman[bot]");
      expect(replies.map((reply) => reply.inReplyTo)).toEqual([maya?.id]);
      expect(replies[0]?.body).toContain(`Foreman pushed ${answer}`);
      expect(revisionPrompt).toContain("MAYA-DOC-REQUEST: please document mean() with a one-line comment.");
      expect(finalCheck).toMatchObject({ conclusion: "success", title: "Approved" });
    },
    CASE_TIMEOUT_MS,
  );
});
