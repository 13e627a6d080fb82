import { describe, expect, it } from "vitest";
import { CASE_TIMEOUT_MS, explain } from "./run-case.ts";
import { runCaseInWorld } from "./run-in-world.ts";

describe("a model that wraps every answer in prose and fences", () => {
  it(
    "has each answer read as it is, with no repair round, and the task merges",
    async () => {
      const run = await runCaseInWorld("answers-in-prose-and-fences.yml", {
        observe: (world) =>
          (world.model?.requests() ?? []).map((request) => ({
            role: request.role,
            answer: request.answerId,
            turn: request.turn,
            jsonValid: request.jsonValid,
            repairAsked: request.messages.some((message) => message.content.includes("Your previous answer")),
          })),
      });

      expect(run.failures, explain(run)).toEqual([]);
      expect(run.observed.map((request) => request.answer)).toEqual([
        "engineer-in-prose",
        "planner-in-prose",
        "coder-in-prose",
        "reviewer-in-prose",
      ]);
      // Not one answer parses as bare JSON, yet each was used the first time it was given.
      expect(run.observed.every((request) => request.jsonValid === false)).toBe(true);
      expect(run.observed.filter((request) => request.turn > 0 || request.repairAsked)).toEqual([]);
    },
    CASE_TIMEOUT_MS,
  );
});
