import { describe, expect, it } from "vitest";
import type { World } from "@foreman/sandbox";
import { appComments, CASE_TIMEOUT_MS, explain } from "./run-case.ts";
import { runCaseInWorld } from "./run-in-world.ts";

/** Foreman's comments on the task's pull request at the end (the scenario's `model.requests` already says the coder ran once). */
function observe(world: World): { comments: string[] } {
  return { comments: appComments(world, { task: "mean" }) };
}

const run = (name: string) => runCaseInWorld(name, { observe });

describe("GitHub's branch protection and rulesets", () => {
  it(
    "with a required review and up-to-date branches: says what is missing, merges after the Approve button, codes nothing again",
    async () => {
      const result = await run("protection-review-required.yml");

      expect(result.failures, explain(result)).toEqual([]);
      const waiting = result.observed.comments.filter((body) => body.includes("want more before it can merge"));
      expect(waiting, explain(result)).toHaveLength(1);
      expect(result.observed.comments.join("\n")).not.toMatch(/CI failed|Removed from the merge queue|no longer counts/);
    },
    CASE_TIMEOUT_MS * 2,
  );

  it(
    "with a code owner's review required: names the code owner, and merges after their review only",
    async () => {
      const result = await run("protection-code-owner.yml");

      expect(result.failures, explain(result)).toEqual([]);
    },
    CASE_TIMEOUT_MS * 2,
  );
});
