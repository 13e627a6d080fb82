import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CheckRunId, PullCheckRunId } from "../../../src/domain/ids.ts";

const owner = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,38}$/);
const repo = fc.stringMatching(/^[a-z0-9._-]{1,100}$/);
const pr = fc.integer({ min: 1, max: 10_000_000 });
const on = fc.constantFrom("head" as const, "merge_group" as const, "config" as const);

describe("PullCheckRunId", () => {
  it("parses every id it writes back to the same parts", () => {
    fc.assert(
      fc.property(fc.record({ owner, repo, pr, on }), (parts) => {
        expect(PullCheckRunId.parse(PullCheckRunId.toString(parts))).toEqual(parts);
      }),
    );
  });

  it("writes the repository in lower case, with the pull request's number", () => {
    expect(PullCheckRunId.toString({ owner: "Acme", repo: "Stats", pr: 21, on: "head" })).toBe("acme/stats/pull/21");
    expect(PullCheckRunId.toString({ owner: "Acme", repo: "Stats", pr: 21, on: "merge_group" })).toBe("acme/stats/pull/21/merge-group");
    expect(PullCheckRunId.toString({ owner: "Acme", repo: "Stats", pr: 21, on: "config" })).toBe("acme/stats/pull/21/config");
  });

  it("is never taken for a task's check run id, nor a task's for it", () => {
    fc.assert(
      fc.property(fc.record({ owner, repo, pr, on }), (parts) => {
        expect(CheckRunId.parse(PullCheckRunId.toString(parts))).toBeNull();
      }),
    );
    expect(PullCheckRunId.parse(CheckRunId.toString({ workflowId: "acme/stats#21", taskId: "pull", on: "head" }))).toBeNull();
  });
});
