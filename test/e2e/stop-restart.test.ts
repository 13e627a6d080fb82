import { describe, expect, it } from "vitest";
import { CASE_TIMEOUT_MS, explain, runCase } from "./run-case.ts";

describe("a cancelled workflow started again", () => {
  it(
    "plans and codes afresh and opens a new pull request beside the old, closed one",
    async () => {
      const run = await runCase("stop-restart.yml");

      expect(run.failures, explain(run)).toEqual([]);
    },
    CASE_TIMEOUT_MS,
  );
});
