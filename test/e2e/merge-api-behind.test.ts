import { describe, expect, it } from "vitest";
import type { World } from "@foreman/sandbox";
import { CASE_TIMEOUT_MS, explain } from "./run-case.ts";
import { runCaseInWorld } from "./run-in-world.ts";
import { appCallCount, pullCommits } from "./qa-observe.ts";

const APPROVE_STEP = 2;

describe("G3: API merge mode and a base that moved under a green pull request", () => {
  it(
    "updates the branch, waits for CI on the new head, and merges only then: main's CI stays green",
    async () => {
      let mainWhenApproved = "";
      const run = await runCaseInWorld("merge-api-behind.yml", {
        beforeStep: async (world: World, index) => {
          if (index === APPROVE_STEP) mainWhenApproved = (await world.repo.git.resolve("main")) ?? "";
        },
        observe: async (world) => ({
          mainWhenApproved,
          commits: await pullCommits(world, "mean"),
          updateBranch: appCallCount(world, "pulls/update-branch"),
          merges: appCallCount(world, "pulls/merge"),
        }),
      });

      expect(run.failures, explain(run)).toEqual([]);
      const { observed } = run;
      // The task's commit, GitHub's merge of main into it (on top of it, never a rewrite), then the debugger's fix.
      expect(observed.commits.map((commit) => commit.message.split("\n")[0])).toEqual([
        "Add mean()",
        expect.stringContaining("Merge"),
        "Fix CI for Add mean()",
      ]);
      expect(observed.commits[1]?.parents).toEqual([observed.commits[0]?.sha, observed.mainWhenApproved]);
      expect(observed.updateBranch).toBe(1);
      expect(observed.merges).toBe(1);
    },
    CASE_TIMEOUT_MS,
  );
});
