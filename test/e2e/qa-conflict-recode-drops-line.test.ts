import { describe, expect, it } from "vitest";
import { appComments, CASE_TIMEOUT_MS, explain } from "./run-case.ts";
import { runCaseInWorld } from "./run-in-world.ts";
import { pullCommits } from "./qa-observe.ts";

describe("G3: the coder's answer to a conflict that would undo a change made on main", () => {
  it(
    "is never committed: the task waits on a human, and main keeps the maintainer's line",
    async () => {
      const run = await runCaseInWorld("qa-conflict-recode-drops-line.yml", {
        observe: async (world) => ({
          commits: (await pullCommits(world, "mean")).map((commit) => commit.message.split("\n")[0]),
          escalations: appComments(world, { task: "mean" }).filter((body) => body.includes("Foreman needs a human")),
        }),
      });

      expect(run.failures, explain(run)).toEqual([]);
      const { observed } = run;
      // Only the task's own commit: no merge commit with the coder's README was written.
      expect(observed.commits).toEqual(["Add mean()"]);
      expect(observed.escalations, explain(run)).toHaveLength(1);
      const [comment = ""] = observed.escalations;
      expect(comment).toContain("the coder's new version of `README.md` leaves out lines added on the base branch");
      expect(comment).toContain("Merge the base branch into the task's branch, resolve the conflict and push");
    },
    CASE_TIMEOUT_MS,
  );
});
