import { describe, expect, it } from "vitest";
import { taskPull, type World } from "@foreman/sandbox";
import { appComments, CASE_TIMEOUT_MS, explain } from "./run-case.ts";
import { runCaseInWorld } from "./run-in-world.ts";
import { statusComment } from "./qa-observe.ts";

const REOPEN_STEP = 3;
/** A live mention: `@` right after something that is not a word character, then a name. */
const MENTION = /(?<![A-Za-z0-9])@[A-Za-z0-9]/;

function observe(world: World, statusWhileClosed: string | undefined) {
  return {
    statusWhileClosed,
    status: statusComment(world),
    pr: taskPull(world, "mean")?.number ?? 0,
    issueComments: appComments(world, "issue"),
  };
}

describe("a human closes one task's pull request in a two-task chain", () => {
  it(
    "stops that task and tells the issue who closed it and that its dependent waits; nothing is merged; reopening goes on",
    async () => {
      let statusWhileClosed: string | undefined;
      const run = await runCaseInWorld("stop-task-pr-closed.yml", {
        beforeStep: (world, index) => {
          if (index === REOPEN_STEP) statusWhileClosed = statusComment(world);
        },
        observe: (world) => observe(world, statusWhileClosed),
      });

      expect(run.failures, explain(run)).toEqual([]);
      const { observed } = run;
      const pr = observed.pr;
      expect(observed.issueComments).toContainEqual(
        expect.stringContaining(
          `Task \`mean\` (#${pr}) was closed by @\u200bmaya, so Foreman stopped the task. \`variance\` depends on it and will not start. Reopen #${pr} to go on with the task, or close this issue to stop all the work.`,
        ),
      );
      expect(observed.statusWhileClosed).toContain(
        "Task `mean`'s pull request was closed by @\u200bmaya, so Foreman stopped the task. `variance` depends on it and will not start.",
      );
      expect(observed.statusWhileClosed).toMatch(/\*\*mean\*\* Add mean\(\) — #\d+ cancelled/);
      expect(observed.statusWhileClosed).toContain("**variance** Add variance() — waiting for **mean**");
      expect(observed.issueComments).toContainEqual(expect.stringContaining(`Task \`mean\` (#${pr}) was reopened by @\u200bmaya`));
      expect(observed.status).not.toContain("was closed by");
      expect(observed.status).toMatch(/\*\*mean\*\* Add mean\(\) — #\d+ ready for `\/approve`/);
      expect(observed.issueComments.join("\n")).not.toMatch(MENTION);
    },
    CASE_TIMEOUT_MS,
  );
});
