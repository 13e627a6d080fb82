import { describe, expect, it } from "vitest";
import { commentsOn, taskPull, type World } from "@foreman/sandbox";
import { appComments, explain, foremanChecks } from "./run-case.ts";
import { runCaseInWorld } from "./run-in-world.ts";

/** Three tasks one after another, each with CI of a few seconds (one of them twice): more than the usual minute. */
const TIMEOUT_MS = 120_000;

/** The step that approves mean's new head; before it, mean must wait. */
const APPROVE_MEAN_STEP = 4;

interface BeforeApproval {
  meanMerged: boolean;
  meanCheck: { title: string | null; summary: string | null } | undefined;
  /** Pull requests opened by then: median waits for mean. */
  pulls: number;
}

function newestCheck(world: World, task: string): { title: string | null; summary: string | null } | undefined {
  const check = foremanChecks(world, taskPull(world, task)?.headSha ?? "")[0];
  return check && { title: check.title, summary: check.summary };
}

/** The writers' `/approve` comments, on the issue and on the task pull requests. */
function approvals(world: World): string[] {
  const targets = ["issue", { task: "mean" }, { task: "median" }, { task: "summary" }] as const;
  return targets.flatMap((target) =>
    commentsOn(world, target)
      .filter((comment) => comment.user.login !== world.botLogin && comment.body.trim() === "/approve")
      .map(() => (target === "issue" ? "issue" : target.task)),
  );
}

describe("approval.tasks: plan on a three-task plan", () => {
  it(
    "merges the tasks Foreman made on one /approve of the plan, and stops a task someone pushed to until a writer approves its new head",
    async () => {
      let before: BeforeApproval | undefined;
      const run = await runCaseInWorld("approval-plan.yml", {
        beforeStep: (world, index) => {
          if (index === APPROVE_MEAN_STEP) {
            before = {
              meanMerged: taskPull(world, "mean")?.merged ?? false,
              meanCheck: newestCheck(world, "mean"),
              pulls: ["mean", "median", "summary"].filter((task) => taskPull(world, task) !== undefined).length,
            };
          }
          return Promise.resolve();
        },
        observe: (world) => ({
          approvals: approvals(world),
          checks: { mean: newestCheck(world, "mean"), median: newestCheck(world, "median"), summary: newestCheck(world, "summary") },
          status: appComments(world, "issue").find((body) => /^### Foreman(: done)?\n/.test(body)) ?? "",
        }),
      });

      expect(run.failures, explain(run)).toEqual([]);
      const { observed } = run;
      expect(observed.approvals, explain(run)).toEqual(["issue", "mean"]);
      expect(before, explain(run)).toMatchObject({ meanMerged: false, pulls: 1 });
      expect(before?.meanCheck).toEqual({
        title: "Ready for approval",
        summary:
          "CI is green. A maintainer can comment `/approve` on this pull request. The plan's approval covers only commits Foreman made, and someone else pushed to this branch: this task needs its own approval.\n\n**Foreman's reviewer found nothing blocking.** The change does what the task asks and is tested.",
      });
      for (const task of ["median", "summary"] as const) {
        expect(observed.checks[task]?.title, explain(run)).toBe("Approved");
        expect(observed.checks[task]?.summary).toMatch(/^Approved with the plan by @\u200bmaya for [0-9a-f]{7}\.$/);
      }
      expect(observed.checks.mean?.title).toBe("Approved");
      expect(observed.checks.mean?.summary).toMatch(/^Approved by @\u200bmaya for [0-9a-f]{7}\.$/);
      expect(observed.status).toMatch(/\*\*median\*\* Add median\(\) — #\d+ merged, approved with the plan by @\u200bmaya\n/);
      expect(observed.status).toMatch(/\*\*mean\*\* Add mean\(\) — #\d+ merged\n/);
    },
    TIMEOUT_MS,
  );
});
