import { describe, expect, it } from "vitest";
import { commentsOn, taskPull, type World } from "@foreman/sandbox";
import { appComments, CASE_TIMEOUT_MS, explain, foremanChecks } from "./run-case.ts";
import { runCaseInWorld } from "./run-in-world.ts";

function observe(world: World) {
  const pull = taskPull(world, "mean");
  const ritas = commentsOn(world, { task: "mean" }).find((comment) => comment.user.login === "rita");
  return {
    refusals: appComments(world, { task: "mean" }).filter((body) => body.startsWith("Foreman ignored")),
    reactionsOnRita: (ritas?.reactions ?? []).map((reaction) => `${reaction.user.login}:${reaction.content}`),
    check: pull ? foremanChecks(world, pull.headSha)[0] : undefined,
  };
}

describe("/approve on a task pull request from a reader", () => {
  it(
    "is refused with a reply that says why, and the maintainer's /approve merges the pull request",
    async () => {
      const run = await runCaseInWorld("approve-from-reader.yml", { observe });

      expect(run.failures, explain(run)).toEqual([]);
      expect(run.observed.refusals).toEqual([
        expect.stringContaining(
          "Foreman ignored `/approve`: @\u200brita has `read` permission; Foreman takes instructions only from users with write, maintain or admin permission.",
        ),
      ]);
      expect(run.observed.reactionsOnRita).toEqual(["foreman[bot]:-1"]);
      expect(run.observed.check).toMatchObject({ conclusion: "success", title: "Approved" });
      expect(run.observed.check?.summary).toContain("Approved by @\u200bmaya");
    },
    CASE_TIMEOUT_MS,
  );
});
