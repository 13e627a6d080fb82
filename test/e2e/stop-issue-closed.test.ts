import { describe, expect, it } from "vitest";
import { taskPull, type World } from "@foreman/sandbox";
import { appComments, CASE_TIMEOUT_MS, explain } from "./run-case.ts";
import { runCaseInWorld } from "./run-in-world.ts";
import { branchExists, modelRequests, statusComment } from "./qa-observe.ts";

const CLOSE_STEP = 1;
/** A live mention: `@` right after something that is not a word character, then a name. */
const MENTION = /(?<![A-Za-z0-9])@[A-Za-z0-9]/;

async function observe(world: World, modelCallsAtClose: number | undefined) {
  const mean = taskPull(world, "mean");
  return {
    modelCallsAtClose,
    modelCalls: modelRequests(world).length,
    issue: world.issueNumber,
    meanBranch: mean?.headRef ?? "",
    branches: { mean: await branchExists(world, "mean"), median: await branchExists(world, "median") },
    status: statusComment(world),
    meanComments: appComments(world, { task: "mean" }),
    issueComments: appComments(world, "issue"),
  };
}

describe("the issue closed as not planned mid-run", () => {
  it(
    "stops the work within seconds: every task pull request closed with a note, branches kept, the workflow cancelled, no more model calls",
    async () => {
      let modelCallsAtClose: number | undefined;
      const run = await runCaseInWorld("stop-issue-closed.yml", {
        beforeStep: (world, index) => {
          if (index === CLOSE_STEP) modelCallsAtClose = modelRequests(world).length;
        },
        observe: (world) => observe(world, modelCallsAtClose),
      });

      expect(run.failures, explain(run)).toEqual([]);
      const { observed } = run;
      expect(observed.modelCalls).toBe(observed.modelCallsAtClose);
      expect(observed.branches).toEqual({ mean: true, median: false });
      expect(observed.status).toContain("**Cancelled.**");
      expect(observed.status).toContain(
        "The issue was closed as not planned by @\u200bmaya, so Foreman stopped: its open pull requests were closed and their branches kept. To start again, reopen the issue, then remove and add the `foreman` label.",
      );
      expect(observed.meanComments).toContainEqual(
        expect.stringContaining(
          `Foreman closed this pull request: #${observed.issue} was closed as not planned by @\u200bmaya. The branch \`${observed.meanBranch}\` is kept.`,
        ),
      );
      expect([...observed.meanComments, ...observed.issueComments].join("\n")).not.toMatch(MENTION);
    },
    CASE_TIMEOUT_MS,
  );
});
