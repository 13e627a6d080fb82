import { describe, expect, it } from "vitest";
import type { World } from "@foreman/sandbox";
import { CASE_TIMEOUT_MS, explain, foremanChecks } from "./run-case.ts";
import { runCaseInWorld } from "./run-in-world.ts";
import { appCallCount, ciRuns, gitDataWrites, headOf, pullCommits } from "./qa-observe.ts";

async function observe(world: World) {
  const head = headOf(world, "mean");
  return {
    commits: (await pullCommits(world, "mean")).length,
    gitDataWrites: gitDataWrites(world),
    reruns: appCallCount(world, "actions/re-run-workflow-failed-jobs"),
    ci: ciRuns(world, head),
    check: foremanChecks(world, head)[0],
  };
}

describe("a flaky CI job", () => {
  it(
    "is re-run once through the Actions API, without a code commit, and the green re-run merges after /approve",
    async () => {
      const run = await runCaseInWorld("qa-flaky-rerun.yml", { observe });

      expect(run.failures, explain(run)).toEqual([]);
      expect(run.observed).toMatchObject({ commits: 1, gitDataWrites: 2, reruns: 1 });
      expect(run.observed.ci).toEqual([
        { name: "test", conclusion: "failure" },
        { name: "test", conclusion: "success" },
      ]);
      expect(run.observed.check).toMatchObject({ conclusion: "success", title: "Approved" });
    },
    CASE_TIMEOUT_MS,
  );
});
