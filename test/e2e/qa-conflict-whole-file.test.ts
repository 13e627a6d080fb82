import { describe, expect, it } from "vitest";
import type { World } from "@foreman/sandbox";
import { appComments, CASE_TIMEOUT_MS, explain } from "./run-case.ts";
import { runCaseInWorld } from "./run-in-world.ts";
import { modelRequests, promptText, pullCommits } from "./qa-observe.ts";

const PUSH_STEP = 1;

describe("G3: a task that wrote a file whole, when main changed that file", () => {
  it(
    "merges instead of writing the file over: the coder rewrites it with main's change in view, and main keeps the human's line",
    async () => {
      let headBeforePush = "";
      const run = await runCaseInWorld("qa-conflict-whole-file.yml", {
        beforeStep: (world: World, index) => {
          if (index === PUSH_STEP) headBeforePush = world.github.store.pullsOf(world.repo.id)[0]?.headSha ?? "";
          return Promise.resolve();
        },
        observe: async (world) => ({
          headBeforePush,
          commits: await pullCommits(world, "mean"),
          secondCoderPrompt: promptText(modelRequests(world, "coder")[1]),
          prComments: appComments(world, { task: "mean" }),
        }),
      });

      expect(run.failures, explain(run)).toEqual([]);
      const { observed } = run;
      // The task's commit stays in the history; the update is a merge commit on top of it.
      expect(observed.commits.map((commit) => commit.sha)[0]).toBe(observed.headBeforePush);
      expect(observed.commits).toHaveLength(2);
      expect(observed.commits[1]?.parents[0]).toBe(observed.headBeforePush);
      expect(observed.commits[1]?.parents).toHaveLength(2);
      // The coder was shown the README as it is on main, with the maintainer's line, and told what conflicted.
      expect(observed.secondCoderPrompt).toContain("- `max(values)`: the largest of a list of numbers.");
      expect(observed.secondCoderPrompt).toContain("conflicts with this task's changes");
      expect(observed.prComments.some((body) => body.includes("conflicted with this task's in `README.md`"))).toBe(true);
    },
    CASE_TIMEOUT_MS,
  );
});
