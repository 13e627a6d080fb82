import { describe, expect, it } from "vitest";
import type { World } from "@foreman/sandbox";
import { CASE_TIMEOUT_MS, explain, foremanChecks } from "./run-case.ts";
import { runCaseInWorld } from "./run-in-world.ts";
import { ciRuns, gitDataWrites, headOf, modelRequests, promptText, pullCommits } from "./qa-observe.ts";

async function observe(world: World) {
  const commits = await pullCommits(world, "mean");
  const first = commits[0]?.sha ?? "";
  return {
    commits,
    gitDataWrites: gitDataWrites(world),
    firstCi: ciRuns(world, first),
    firstCheck: foremanChecks(world, first)[0],
    finalCheck: foremanChecks(world, headOf(world, "mean"))[0],
    debuggerPrompt: promptText(modelRequests(world, "debugger")[0]),
  };
}

describe("red CI fixed by the debugger", () => {
  it(
    "pushes exactly one fix commit in one write (createCommitOnBranch on the head), goes green and merges after /approve",
    async () => {
      const run = await runCaseInWorld("qa-debugger-fix.yml", { observe });

      expect(run.failures, explain(run)).toEqual([]);
      const { observed } = run;
      expect(observed.commits.map((commit) => commit.message.split("\n")[0])).toEqual(["Add mean()", "Fix CI for Add mean()"]);
      expect(observed.commits[1]?.parents).toEqual([observed.commits[0]?.sha]);
      expect(observed.commits[1]?.message).toContain("implementation_bug: mean() divides the sum by one more than the number of values.");
      // The task: its branch and its commit (2); the fix: one createCommitOnBranch on the head it saw.
      expect(observed.gitDataWrites).toBe(3);
      expect(observed.firstCi).toEqual([{ name: "test", conclusion: "failure" }]);
      expect(observed.firstCheck).toMatchObject({ conclusion: "neutral", title: "Superseded" });
      expect(observed.finalCheck).toMatchObject({ conclusion: "success", title: "Approved" });
      expect(observed.debuggerPrompt).toContain("2 !== 2.5");
    },
    CASE_TIMEOUT_MS,
  );
});
