import { describe, expect, it } from "vitest";
import type { World } from "@foreman/sandbox";
import { CASE_TIMEOUT_MS, explain } from "./run-case.ts";
import { runCaseInWorld } from "./run-in-world.ts";
import { branchExists, gitDataWrites, reactionsOn, statusComment } from "./qa-observe.ts";

async function observe(world: World) {
  return {
    status: statusComment(world),
    branch: await branchExists(world, "mean"),
    gitDataWrites: gitDataWrites(world),
    reactions: reactionsOn(world, "issue", "maya", "/cancel"),
  };
}

describe("/cancel on the issue while a task is being coded", () => {
  it(
    "stops the workflow; the coder's late answer is neither committed nor opened as a pull request",
    async () => {
      const run = await runCaseInWorld("qa-cancel-while-coding.yml", { observe });

      expect(run.failures, explain(run)).toEqual([]);
      expect(run.observed.status).toContain("**Cancelled.**");
      // The status comment answers the /cancel at once: no reaction besides.
      expect(run.observed.reactions).toEqual([]);
      expect(run.observed).toMatchObject({ branch: false, gitDataWrites: 0 });
    },
    CASE_TIMEOUT_MS,
  );
});
