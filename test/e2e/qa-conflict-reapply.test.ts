import { describe, expect, it } from "vitest";
import type { World } from "@foreman/sandbox";
import { CASE_TIMEOUT_MS, explain, foremanChecks } from "./run-case.ts";
import { runCaseInWorld } from "./run-in-world.ts";
import { gitDataWrites, headOf, pullCommits } from "./qa-observe.ts";

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
    "is updated by re-applying the task's edits on the new base in one commit, without asking the coder again",
    async () => {
      const moments: Moments = {};
      const run = await runCaseInWorld("qa-conflict-reapply.yml", {
        beforeStep: (world, index) => record(moments, world, index),
        observe: async (world) => ({
          moments,
          commits: await pullCommits(world, "mean"),
          gitDataWrites: gitDataWrites(world),
          oldHeadCheck: foremanChecks(world, moments.headBeforePush ?? "")[0],
          finalCheck: foremanChecks(world, headOf(world, "mean"))[0],
        }),
      });

      expect(run.failures, explain(run)).toEqual([]);
      const { observed } = run;
      expect(observed.commits).toHaveLength(1);
      const [commit] = observed.commits;
      expect(commit?.sha).not.toBe(observed.moments.headBeforePush);
      expect(commit?.parents).toEqual([observed.moments.mainAfterPush]);
      expect(commit?.message).toContain(`Updated onto ${observed.moments.mainAfterPush?.slice(0, 7)}`);
      expect(observed.gitDataWrites).toBe(6);
      expect(observed.oldHeadCheck).toMatchObject({ conclusion: "neutral", title: "Superseded" });
      expect(observed.finalCheck).toMatchObject({ conclusion: "success", title: "Approved" });
    },
    CASE_TIMEOUT_MS,
  );
});
