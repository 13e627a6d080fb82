import { describe, expect, it } from "vitest";
import { appComments, CASE_TIMEOUT_MS, explain } from "./run-case.ts";
import { runCaseInWorld } from "./run-in-world.ts";

describe("a configuration problem fixed before the label is added again", () => {
  it(
    "turns the comment that listed the problem into one that says it is fixed, and starts",
    async () => {
      const run = await runCaseInWorld("config-problems-resolved.yml", {
        observe: (world) => ({ comments: appComments(world, "issue") }),
      });

      expect(run.failures, explain(run)).toEqual([]);
      const configComments = run.observed.comments.filter((body) => body.includes("foreman:comment config-problems"));
      expect(configComments, explain(run)).toHaveLength(1);
      expect(configComments[0]).toContain("### Foreman's configuration reads again");
      expect(configComments[0]).not.toContain("planApproval");
    },
    CASE_TIMEOUT_MS,
  );
});
