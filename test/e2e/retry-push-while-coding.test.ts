import { describe, expect, it } from "vitest";
import { appComments, CASE_TIMEOUT_MS, explain } from "./run-case.ts";
import { runCaseInWorld } from "./run-in-world.ts";
import { pullCommits } from "./qa-observe.ts";

describe("a writer pushes to a task's branch while Foreman codes a fresh attempt (G2)", () => {
  it(
    "keeps the writer's commit, says it left the branch to them, and merges from their commit after /retry",
    async () => {
      const run = await runCaseInWorld("retry-push-while-coding.yml", {
        observe: async (world) => ({
          commits: await pullCommits(world, "mean"),
          handedOver: appComments(world, { task: "mean" }).filter((body) => body.includes("so Foreman left the branch as it is")),
        }),
      });

      expect(run.failures, explain(run)).toEqual([]);
      const { commits, handedOver } = run.observed;
      expect(handedOver).toHaveLength(1);
      const messages = commits.map((commit) => commit.message.split("\n")[0]);
      expect(messages.at(-1)).toBe("Fix the expected mean in the test");
      // The first attempt stays in the history under the writer's fix; the refused second attempt is nowhere.
      expect(commits).toHaveLength(2);
      expect(commits[1]?.parents).toEqual([commits[0]?.sha]);
    },
    CASE_TIMEOUT_MS,
  );
});
