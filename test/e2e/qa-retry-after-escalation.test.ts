import { describe, expect, it } from "vitest";
import type { World } from "@foreman/sandbox";
import { appComments, CASE_TIMEOUT_MS, explain } from "./run-case.ts";
import { runCaseInWorld } from "./run-in-world.ts";
import { headOf, issueLabels, modelRequests, promptText, pullCommits, reactionsOn } from "./qa-observe.ts";

const RETRY_STEP = 2;

interface BeforeRetry {
  head: string;
  base: string;
  labels: string[];
}

async function observe(world: World, beforeRetry: BeforeRetry | undefined) {
  return {
    beforeRetry,
    commits: await pullCommits(world, "mean"),
    escalations: appComments(world, { task: "mean" }).filter((body) => body.includes("Foreman needs a human")),
    retryReactions: reactionsOn(world, { task: "mean" }, "maya", "/retry"),
    secondCoderPrompt: promptText(modelRequests(world, "coder")[1]),
  };
}

describe("/retry after an escalation", () => {
  it(
    "makes a fresh attempt from the current base on top of the branch, with the earlier failure in the prompt, and merges",
    async () => {
      let beforeRetry: BeforeRetry | undefined;
      const run = await runCaseInWorld("qa-retry-after-escalation.yml", {
        beforeStep: async (world, index) => {
          if (index !== RETRY_STEP) return;
          beforeRetry = { head: headOf(world, "mean"), base: (await world.repo.git.resolve("main")) ?? "", labels: issueLabels(world) };
        },
        observe: (world) => observe(world, beforeRetry),
      });

      expect(run.failures, explain(run)).toEqual([]);
      const { observed } = run;
      expect(observed.beforeRetry?.labels).toEqual(["foreman", "foreman:needs-human"]);
      expect(observed.escalations).toHaveLength(1);
      expect(observed.escalations[0]).toContain("The debugger found no fix (test_bug)");
      // The status comment answers the /retry at once (the task is coded again): no reaction besides.
      expect(observed.retryReactions).toEqual([]);
      // The fresh attempt is a new commit on top of the failed one (never a rewrite), with the moved base as its second parent.
      expect(observed.commits).toHaveLength(2);
      expect(observed.commits[0]?.sha).toBe(observed.beforeRetry?.head);
      expect(observed.commits[1]?.parents).toEqual([observed.beforeRetry?.head, observed.beforeRetry?.base]);
      expect(observed.secondCoderPrompt).toContain("Why this is attempt 2");
      expect(observed.secondCoderPrompt).toContain("The debugger found no fix (test_bug)");
      expect(observed.secondCoderPrompt).toContain("2.5 !== 25");
    },
    CASE_TIMEOUT_MS,
  );
});
