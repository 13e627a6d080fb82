import { describe, expect, it } from "vitest";
import { waitQuiet, type World } from "@foreman/sandbox";
import { appComments, CASE_TIMEOUT_MS, explain } from "./run-case.ts";
import { runCaseInWorld } from "./run-in-world.ts";

const REPLY_STEP = 1;

interface WhileWaiting {
  questionsShown: boolean[];
  roles: (string | null)[];
}

/** What the issue shows and what the model was asked, once the app has settled after asking. */
function snapshot(world: World): WhileWaiting {
  const comments = appComments(world, "issue").join("\n");
  return {
    questionsShown: [
      "Which average do you mean: the arithmetic mean, the median or the mode?",
      "What should it do with an empty list?",
    ].map((question) => comments.includes(question)),
    roles: (world.model?.requests() ?? []).map((request) => request.role),
  };
}

describe("an ambiguous issue", () => {
  it(
    "asks the engineer's questions, waits for the author's answer, then plans, codes and merges",
    async () => {
      let whileWaiting: WhileWaiting | undefined;
      const run = await runCaseInWorld("ambiguous-issue.yml", {
        beforeStep: async (world, index) => {
          if (index !== REPLY_STEP) return;
          await waitQuiet(world, 10_000);
          whileWaiting = snapshot(world);
        },
        observe: (world) => ({ whileWaiting, answers: (world.model?.requests() ?? []).map((request) => request.answerId) }),
      });

      expect(run.failures, explain(run)).toEqual([]);
      expect(run.observed.whileWaiting).toEqual({ questionsShown: [true, true], roles: ["engineer"] });
      expect(run.observed.answers.slice(0, 2)).toEqual(["questions", "brief"]);
    },
    CASE_TIMEOUT_MS,
  );
});
