import { describe, expect, it } from "vitest";
import type { World } from "@foreman/sandbox";
import { appComments, CASE_TIMEOUT_MS, explain, foremanChecks } from "./run-case.ts";
import { runCaseInWorld } from "./run-in-world.ts";
import { ciRuns, headOf, pullCommits, statusComment } from "./qa-observe.ts";

async function observe(world: World) {
  const commits = await pullCommits(world, "mean");
  return {
    commits: commits.map((commit) => commit.message.split("\n")[0]),
    ci: commits.map((commit) => ciRuns(world, commit.sha)),
    escalations: appComments(world, { task: "mean" }).filter((body) => body.includes("Foreman needs a human")),
    status: statusComment(world),
    headCheck: foremanChecks(world, headOf(world, "mean"))[0],
  };
}

describe("the same CI failure twice in a row", () => {
  it(
    "stops after one fix, below maxFixAttempts, and asks a human in one comment that says what was tried and what to do",
    async () => {
      const run = await runCaseInWorld("qa-same-failure-twice.yml", { observe });

      expect(run.failures, explain(run)).toEqual([]);
      const { observed } = run;
      expect(observed.commits).toEqual(["Add mean()", "Fix CI for Add mean()"]);
      expect(observed.ci).toEqual([[{ name: "test", conclusion: "failure" }], [{ name: "test", conclusion: "failure" }]]);
      expect(observed.escalations, explain(run)).toHaveLength(1);
      const [comment = ""] = observed.escalations;
      expect(comment).toContain("**Why:** CI failed with the same error as before the last fix, so another attempt is unlikely to help.");
      expect(comment).toContain("**What was tried:** 1 fix attempt; failures classified as `implementation_bug`.");
      expect(comment).toContain("**Last error:**");
      expect(comment).toContain("2 !== 2.5");
      expect(comment).toContain("comment `/retry` on this pull request");
      expect(comment).toContain("push a fix to `foreman/1/mean` yourself");
      expect(comment).toContain("comment `/cancel` to stop this task");
      expect(observed.status).toContain("**mean** Add mean() — #2 **needs a human**");
      expect(observed.headCheck).toMatchObject({ conclusion: "failure", title: "Needs a human" });
    },
    CASE_TIMEOUT_MS,
  );
});
