import { describe, expect, it } from "vitest";
import type { World } from "@foreman/sandbox";
import { CASE_TIMEOUT_MS, explain, foremanChecks } from "./run-case.ts";
import { runCaseInWorld } from "./run-in-world.ts";
import { gitDataWrites, headOf, pullCommits } from "./qa-observe.ts";

/** Every update-branch request the app made, with GitHub's answer. */
function updateBranchCalls(world: World): number[] {
  return world.github.requestLog
    .all()
    .filter((entry) => entry.operationId === "pulls/update-branch" && (entry.actor === world.botLogin || entry.actor === world.app.slug))
    .map((entry) => entry.status);
}

const PUSH_STEP = 1;
const WAIT_STEP = 2;

interface Moments {
  headBeforePush?: string;
  mainAfterPush?: string;
}

async function record(moments: Moments, world: World, index: number): Promise<void> {
  if (index === PUSH_STEP) moments.headBeforePush = headOf(world, "mean");
  if (index === WAIT_STEP) moments.mainAfterPush = (await world.repo.git.resolve("main")) ?? "";
}

describe("a task pull request that conflicts after main moved", () => {
  it(
    "is brought up to date by a merge that keeps the old head and both README lines, without asking the coder again",
    async () => {
      const moments: Moments = {};
      const run = await runCaseInWorld("qa-conflict-reapply.yml", {
        beforeStep: (world, index) => record(moments, world, index),
        observe: async (world) => ({
          moments,
          commits: await pullCommits(world, "mean"),
          gitDataWrites: gitDataWrites(world),
          updateBranch: updateBranchCalls(world),
          oldHeadCheck: foremanChecks(world, moments.headBeforePush ?? "")[0],
          finalCheck: foremanChecks(world, headOf(world, "mean"))[0],
        }),
      });

      expect(run.failures, explain(run)).toEqual([]);
      const { observed } = run;
      // The branch is never rewritten: the task's commit stays, and the update is a merge commit on top of it.
      expect(observed.commits).toHaveLength(2);
      const [first, update] = observed.commits;
      expect(first?.sha).toBe(observed.moments.headBeforePush);
      expect(update?.parents).toEqual([observed.moments.headBeforePush, observed.moments.mainAfterPush]);
      expect(update?.message).toContain(`Merge main (${observed.moments.mainAfterPush?.slice(0, 7)}) into Add mean()`);
      // GitHub's update-branch was asked first and found the conflict; Foreman's merge re-applied the README edit.
      expect(observed.updateBranch).toEqual([422]);
      // The task: its branch and its commit (2); the merge of the new base: three Git Data writes (two parents).
      expect(observed.gitDataWrites).toBe(5);
      expect(observed.oldHeadCheck).toMatchObject({ conclusion: "neutral", title: "Superseded" });
      expect(observed.finalCheck).toMatchObject({ conclusion: "success", title: "Approved" });
    },
    CASE_TIMEOUT_MS,
  );
});
