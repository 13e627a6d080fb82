import { describe, expect, it } from "vitest";
import { FOREMAN_MARKER, postedTexts, problemsIn } from "../security/github-text.ts";
import { appComments, CASE_TIMEOUT_MS, explain } from "./run-case.ts";
import { runCaseInWorld } from "./run-in-world.ts";

/** Every text Foreman wrote that has a problem, as `channel: problems` with the text's start. */
function textProblems(texts: Record<string, string[]>): string[] {
  return Object.entries(texts).flatMap(([channel, bodies]) =>
    bodies.flatMap((body) => {
      const problems = problemsIn(body, { references: [7], markers: FOREMAN_MARKER });
      return problems.length === 0 ? [] : [`${channel}: ${problems.join("; ")} in ${JSON.stringify(body.slice(0, 400))}`];
    }),
  );
}

describe("model output with mentions, closing keywords and stray backticks", () => {
  it(
    "is quoted in the plan's problems without mentioning anyone",
    async () => {
      const run = await runCaseInWorld("hostile-plan-problems.yml", {
        observe: async (world) => ({ texts: await postedTexts(world), comments: appComments(world, "issue") }),
      });

      expect(run.failures, explain(run)).toEqual([]);
      const failure = run.observed.comments.find((comment) => comment.startsWith("The planner's answer was invalid twice"));
      expect(failure).toContain("org/team");
      expect(failure).toContain("someone");
      expect(textProblems(run.observed.texts)).toEqual([]);
    },
    CASE_TIMEOUT_MS,
  );

  it(
    "is quoted in a pull request, a status comment and the coder's refusals without mentioning anyone",
    async () => {
      const run = await runCaseInWorld("hostile-coder-answers.yml", {
        observe: async (world) => ({ texts: await postedTexts(world), comments: appComments(world, "issue") }),
      });

      expect(run.failures, explain(run)).toEqual([]);
      const failure = run.observed.comments.find((comment) => comment.startsWith("Task `median` could not be coded"));
      expect(failure).toContain("org/team");
      // Each answer is accounted for: the first was not JSON, the second's edits were refused.
      expect(failure).toContain("- The first answer was not valid JSON:\n  - the answer is not valid JSON (");
      expect(failure).toContain("- The second answer proposed edits that Foreman refused:\n  - ``x`y`` is not one of the task's files");
      expect(failure).toContain("`/retry`");
      expect(run.observed.texts["pull requests"]?.join("\n")).toContain("someone");
      expect(run.observed.texts["commit messages"]?.length).toBeGreaterThan(0);
      expect(textProblems(run.observed.texts)).toEqual([]);
    },
    CASE_TIMEOUT_MS,
  );
});
