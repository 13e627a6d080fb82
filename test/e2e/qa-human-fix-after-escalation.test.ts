import { describe, expect, it } from "vitest";
import type { World } from "@foreman/sandbox";
import { CASE_TIMEOUT_MS, explain, foremanChecks } from "./run-case.ts";
import { runCaseInWorld } from "./run-in-world.ts";
import { headOf, pullCommits } from "./qa-observe.ts";

async function observe(world: World) {
  return {
    commits: (await pullCommits(world, "mean")).map((commit) => commit.message.split("\n")[0]),
    finalCheck: foremanChecks(world, headOf(world, "mean"))[0],
  };
}

describe("a maintainer's fix pushed after an escalation", () => {
  it(
    "is picked up: CI runs on it, the label goes, and /approve merges it",
    async () => {
      const run = await runCaseInWorld("qa-human-fix-after-escalation.yml", { observe });

      expect(run.failures, explain(run)).toEqual([]);
      expect(run.observed.commits).toEqual(["Add mean()", "Fix CI for Add mean()", "Divide by the number of values"]);
      expect(run.observed.finalCheck).toMatchObject({ conclusion: "success", title: "Approved" });
    },
    CASE_TIMEOUT_MS,
  );
});
