import { describe, expect, it } from "vitest";
import { pullState, taskPull, type World } from "@foreman/sandbox";
import { CASE_TIMEOUT_MS, explain } from "./run-case.ts";
import { runCaseInWorld } from "./run-in-world.ts";
import { branchExists, modelRequests, reactionsOn, statusComment } from "./qa-observe.ts";

const ISSUE_CANCEL_STEP = 4;

interface AfterTaskCancel {
  mean: string;
  median: string;
  status: string;
}

function stateOf(world: World, task: string): string {
  const pull = taskPull(world, task);
  return pull ? pullState(pull, world) : "none";
}

async function observe(world: World, afterTaskCancel: AfterTaskCancel | undefined) {
  return {
    afterTaskCancel,
    branches: [await branchExists(world, "mean"), await branchExists(world, "median")],
    status: statusComment(world),
    prReactions: reactionsOn(world, { task: "median" }, "maya", "/cancel"),
    issueReactions: reactionsOn(world, "issue", "maya", "/cancel"),
    modelRequests: modelRequests(world).length,
  };
}

describe("/cancel", () => {
  it(
    "on a task pull request stops that task only; on the issue it stops the workflow and closes the open pull requests, keeping the branches",
    async () => {
      let afterTaskCancel: AfterTaskCancel | undefined;
      const run = await runCaseInWorld("qa-cancel.yml", {
        beforeStep: (world, index) => {
          if (index !== ISSUE_CANCEL_STEP) return;
          afterTaskCancel = { mean: stateOf(world, "mean"), median: stateOf(world, "median"), status: statusComment(world) };
        },
        observe: (world) => observe(world, afterTaskCancel),
      });

      expect(run.failures, explain(run)).toEqual([]);
      const { observed } = run;
      expect(observed.afterTaskCancel).toMatchObject({ mean: "open", median: "closed" });
      expect(observed.afterTaskCancel?.status).toContain("**Working on the tasks: 0 of 2 merged.**");
      expect(observed.afterTaskCancel?.status).toMatch(/\*\*median\*\* Add median\(\) — #\d+ cancelled/);
      expect(observed.afterTaskCancel?.status).toMatch(/\*\*mean\*\* Add mean\(\) — #\d+ ready for `\/approve`/);
      expect(observed.status).toContain("**Cancelled.**");
      expect(observed.branches).toEqual([true, true]);
      // The status comment (and the closed pull request) answer each /cancel at once: no reaction besides.
      expect(observed.prReactions).toEqual([]);
      expect(observed.issueReactions).toEqual([]);
      expect(observed.modelRequests).toBe(4);
    },
    CASE_TIMEOUT_MS,
  );
});
