import { describe, expect, it } from "vitest";
import { missingReviews, renderAwaitingWords, renderMergeWaiting } from "../../../src/render/merge-waiting.ts";

describe("what the base branch's rules still want", () => {
  it("names nothing when no review is required or the reviews are given", () => {
    expect(missingReviews({ reviewDecision: null, codeOwners: [] })).toBeNull();
    expect(missingReviews({ reviewDecision: "APPROVED", codeOwners: ["alice"] })).toBeNull();
  });

  it("names the code owners asked for a review, else any writer's", () => {
    expect(missingReviews({ reviewDecision: "REVIEW_REQUIRED", codeOwners: ["alice", "acme/docs", "bob"] })).toBe(
      "an approving review from a code owner (@alice, @acme/docs and @bob)",
    );
    expect(missingReviews({ reviewDecision: "REVIEW_REQUIRED", codeOwners: [] })).toBe(
      "an approving review from someone with write access",
    );
  });

  it("asks for requested changes to be resolved", () => {
    expect(missingReviews({ reviewDecision: "CHANGES_REQUESTED", codeOwners: [] })).toMatch(/^the changes a reviewer requested resolved/);
  });

  it("posts the names so that they notify no one", () => {
    const missing = missingReviews({ reviewDecision: "REVIEW_REQUIRED", codeOwners: ["alice"] }) ?? "";

    expect(renderMergeWaiting({ taskId: "t1", missing })).not.toMatch(/(^|[^`\w])@alice/);
    expect(renderAwaitingWords(missing)).not.toMatch(/(^|[^`\w])@alice/);
    expect(renderMergeWaiting({ taskId: "t1", missing })).toContain("alice");
  });
});
