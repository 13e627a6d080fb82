import { describe, expect, it } from "vitest";
import { appComments, CASE_TIMEOUT_MS, explain } from "./run-case.ts";
import { runCaseInWorld } from "./run-in-world.ts";

describe("a label added by a user without write permission", () => {
  it(
    "answers with one comment naming the permission and starts nothing",
    async () => {
      const run = await runCaseInWorld("label-from-reader.yml", {
        observe: (world) => ({ comments: appComments(world, "issue"), modelRequests: world.model?.requests().length ?? -1 }),
      });

      expect(run.failures, explain(run)).toEqual([]);
      expect(run.observed.comments, explain(run)).toHaveLength(1);
      expect(run.observed.comments[0]).toContain("Foreman did not start: @\u200btess has `triage` permission");
      expect(run.observed.modelRequests).toBe(0);
    },
    CASE_TIMEOUT_MS,
  );
});
