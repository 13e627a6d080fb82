import { describe, expect, it } from "vitest";
import type { World } from "@foreman/sandbox";
import { appComments, CASE_TIMEOUT_MS, explain, foremanChecks } from "./run-case.ts";
import { runCaseInWorld } from "./run-in-world.ts";
import { headOf, modelRequests, promptText, pullCommits, statusComment } from "./qa-observe.ts";

async function observe(world: World) {
  const commits = await pullCommits(world, "mean");
  return {
    commits: commits.map((commit) => ({ subject: commit.message.split("\n")[0], parents: commit.parents.length })),
    finalCheck: foremanChecks(world, headOf(world, "mean"))[0],
    amendPrompt: promptText(modelRequests(world, "planner")[1]),
    secondCoderPrompt: promptText(modelRequests(world, "coder")[1]),
    status: statusComment(world),
    escalations: appComments(world, { task: "mean" }).filter((body) => body.includes("Foreman needs a human")),
  };
}

describe("a spec mismatch", () => {
  it(
    "asks the planner for the task's new file list, recodes with it and the diagnosis, and merges",
    async () => {
      const run = await runCaseInWorld("qa-spec-mismatch-amend.yml", { observe });

      expect(run.failures, explain(run)).toEqual([]);
      const { observed } = run;
      expect(observed.escalations).toEqual([]);
      // The planner saw why, the task and its files, and what it could not take.
      expect(observed.amendPrompt).toContain("the task does not list src/index.js, so it cannot pass as specified");
      expect(observed.amendPrompt).toContain("create `src/mean.js`");
      expect(observed.amendPrompt).toContain("(none)");
      // The fresh attempt was coded with the new list and the diagnosis, on top of the first commit.
      expect(observed.secondCoderPrompt).toContain("Why this is attempt 2");
      expect(observed.secondCoderPrompt).toContain("test/index.test.js requires every function in src/");
      expect(observed.secondCoderPrompt).toContain("modify `src/index.js`");
      expect(observed.commits).toHaveLength(2);
      expect(observed.finalCheck).toMatchObject({ conclusion: "success", title: "Approved" });
      expect(observed.status).toContain(
        "the planner changed its files to: create `src/mean.js`, create `test/mean.test.js`, modify `src/index.js`",
      );
    },
    CASE_TIMEOUT_MS,
  );
});
