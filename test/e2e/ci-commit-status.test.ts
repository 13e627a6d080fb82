import { describe, expect, it } from "vitest";
import { taskPull, type World } from "@foreman/sandbox";
import { CASE_TIMEOUT_MS, explain, foremanChecks } from "./run-case.ts";
import { runCaseInWorld } from "./run-in-world.ts";

/** The external CI: a pending status on the task's head, then a green one, as Jenkins reports a build. */
async function reportBuild(world: World): Promise<void> {
  const sha = taskPull(world, "mean")?.headSha ?? "";
  const ci = world.as("jenkins[bot]");
  const target = { owner: world.repo.owner.login, repo: world.repo.name, sha, context: "ci/jenkins" };
  await ci.rest.repos.createCommitStatus({ ...target, state: "pending", description: "Build started" });
  await ci.rest.repos.createCommitStatus({ ...target, state: "success", description: "Build passed" });
}

describe("CI outside GitHub Actions", () => {
  it(
    "reports through commit statuses: a green status makes the task ready, and /approve merges it",
    async () => {
      const run = await runCaseInWorld("ci-commit-status.yml", {
        beforeStep: async (world, index) => {
          if (index === 1) await reportBuild(world);
        },
        observe: (world) => {
          const head = taskPull(world, "mean")?.headSha ?? "";
          return { check: foremanChecks(world, head)[0] };
        },
      });

      expect(run.failures, explain(run)).toEqual([]);
      expect(run.observed.check).toMatchObject({ conclusion: "success", title: "Approved" });
    },
    CASE_TIMEOUT_MS,
  );
});
