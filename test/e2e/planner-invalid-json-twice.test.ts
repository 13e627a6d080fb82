import { describe, expect, it } from "vitest";
import { appComments, CASE_TIMEOUT_MS, explain } from "./run-case.ts";
import { runCaseInWorld } from "./run-in-world.ts";

describe("a planner that answers invalid JSON twice", () => {
  it(
    "asks once more with the parse error, then says on the issue that the plan was invalid and why",
    async () => {
      const run = await runCaseInWorld("planner-invalid-json-twice.yml", {
        observe: (world) => ({
          comments: appComments(world, "issue"),
          plannerAnswers: (world.model?.requests() ?? [])
            .filter((request) => request.role === "planner")
            .map((request) => request.answerId),
        }),
      });

      expect(run.failures, explain(run)).toEqual([]);
      expect(run.observed.plannerAnswers).toEqual(["prose", "cut-off"]);
      const failure = run.observed.comments.filter((comment) => comment.startsWith("The planner's answer was invalid twice"));
      expect(failure, explain(run)).toHaveLength(1);
      expect(failure[0]).toMatch(/- the answer is not valid JSON \(.+\)/);
    },
    CASE_TIMEOUT_MS,
  );
});
