import { describe, expect, it } from "vitest";
import { appComments, CASE_TIMEOUT_MS, explain } from "./run-case.ts";
import { runCaseInWorld } from "./run-in-world.ts";

describe("an invalid .github/foreman.yml", () => {
  it(
    "lists every problem with its path in one comment and starts nothing",
    async () => {
      const run = await runCaseInWorld("invalid-config.yml", {
        observe: (world) => ({ comments: appComments(world, "issue"), modelRequests: world.model?.requests().length ?? -1 }),
      });

      expect(run.failures, explain(run)).toEqual([]);
      expect(run.observed.comments, explain(run)).toHaveLength(1);
      const [comment = ""] = run.observed.comments;
      expect(comment).toContain("Foreman found 4 problems in `.github/foreman.yml`");
      expect(comment).toMatch(/- `planApproval` \(line 1, column 1\): must be one of "auto", "manual", got "sometimes"/);
      expect(comment).toMatch(/- `maxParallelTasks` \(line 2, column 1\): must be at least 1, got 0/);
      expect(comment).toMatch(/- `labelz` \(line 3, column 1\): unknown key "labelz"; did you mean "label"\?/);
      expect(comment).toMatch(/- `merge\.method` \(line 5, column 3\): must be one of "merge", "squash", "rebase", got "fast-forward"/);
      expect(run.observed.modelRequests).toBe(0);
    },
    CASE_TIMEOUT_MS,
  );
});
