import { describe, expect, it } from "vitest";
import { CASE_TIMEOUT_MS, explain, runCase } from "./run-case.ts";

describe("happy path without a merge queue", () => {
  it(
    "plans three tasks, merges each after /approve and closes the issue",
    async () => {
      const result = await runCase("happy-path.yml");

      expect(result.failures, explain(result)).toEqual([]);
      expect(result.figures.merged).toBe(3);
      // Each task is one commit: its branch created at the base, then createCommitOnBranch.
      expect(result.figures.gitDataWritesPerTask).toBe(2);
    },
    CASE_TIMEOUT_MS,
  );
});
