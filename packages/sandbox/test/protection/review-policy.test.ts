import { describe, expect, it } from "vitest";
import { latestOpinions, reviewVerdict, type ReviewPolicyInput } from "../../src/github/protection/review-policy.ts";
import type { Account, Review } from "../../src/github/state/types.ts";

const account = (id: number, login: string): Account => ({ id, nodeId: `U_${id}`, login, type: "User" });
const AUTHOR = account(1, "author");
const MAYA = account(2, "maya");
const LEE = account(3, "lee");
const READER = account(4, "reader");

let nextId = 100;
const review = (user: Account, state: Review["state"]): Review => {
  nextId += 1;
  return {
    repoId: 1,
    pullNumber: 1,
    id: nextId,
    nodeId: `PRR_${nextId}`,
    user,
    body: "",
    state,
    commitId: "a".repeat(40),
    submittedAt: "",
  };
};

const input = (overrides: Partial<ReviewPolicyInput>): ReviewPolicyInput => ({
  reviews: [],
  author: AUTHOR,
  isWriter: (user) => user.id !== READER.id,
  requiredReviews: 1,
  codeOwnerReviews: false,
  owned: [],
  ...overrides,
});

describe("the review rule", () => {
  it("requires nothing and decides nothing when no review is required", () => {
    const verdict = reviewVerdict(input({ requiredReviews: 0, reviews: [review(MAYA, "CHANGES_REQUESTED")] }));

    expect(verdict).toEqual({ decision: null, satisfied: true, message: null, waitingOn: [] });
  });

  it("asks for approvals with GitHub's sentence, singular and plural", () => {
    const one = reviewVerdict(input({}));
    const two = reviewVerdict(input({ requiredReviews: 2, reviews: [review(MAYA, "APPROVED")] }));

    expect(one).toMatchObject({ decision: "REVIEW_REQUIRED", satisfied: false });
    expect(one.message).toBe("At least 1 approving review is required by reviewers with write access.");
    expect(two.message).toBe("At least 2 approving reviews are required by reviewers with write access.");
  });

  it("counts only the latest opinion of each writer", () => {
    const verdict = reviewVerdict(
      input({
        reviews: [review(MAYA, "CHANGES_REQUESTED"), review(MAYA, "APPROVED"), review(MAYA, "COMMENTED"), review(READER, "APPROVED")],
      }),
    );

    expect(verdict).toMatchObject({ decision: "APPROVED", satisfied: true, message: null });
  });

  it("ignores approvals from users without write access", () => {
    const verdict = reviewVerdict(input({ reviews: [review(READER, "APPROVED")] }));

    expect(verdict.message).toBe("At least 1 approving review is required by reviewers with write access.");
  });

  it("blocks on a writer's change request even with enough approvals", () => {
    const verdict = reviewVerdict(input({ reviews: [review(MAYA, "CHANGES_REQUESTED"), review(LEE, "APPROVED")] }));

    expect(verdict).toMatchObject({ decision: "CHANGES_REQUESTED", satisfied: false });
    expect(verdict.message).toBe("1 review requesting changes and 1 approving review by reviewers with write access.");
  });

  it("withdraws a dismissed review's opinion", () => {
    const verdict = reviewVerdict(input({ reviews: [review(MAYA, "APPROVED"), review(MAYA, "DISMISSED")] }));

    expect(verdict.decision).toBe("REVIEW_REQUIRED");
  });

  it("waits on code owners before counting approvals, naming them", () => {
    const owned = [
      { path: "src/add.js", owners: [MAYA] },
      { path: "docs/a.md", owners: [LEE, MAYA] },
    ];

    const none = reviewVerdict(input({ codeOwnerReviews: true, owned }));
    const lee = reviewVerdict(input({ codeOwnerReviews: true, owned, reviews: [review(LEE, "APPROVED")] }));
    const maya = reviewVerdict(input({ codeOwnerReviews: true, owned, reviews: [review(MAYA, "APPROVED")] }));

    expect(none.message).toBe("Waiting on code owner review from lee and/or maya.");
    expect(lee).toMatchObject({ message: "Waiting on code owner review from maya.", waitingOn: ["maya"] });
    expect(maya).toMatchObject({ decision: "APPROVED", satisfied: true });
  });

  it("requires a code owner's approval even when no approval count is required", () => {
    const verdict = reviewVerdict(input({ requiredReviews: 0, codeOwnerReviews: true, owned: [{ path: "a.js", owners: [MAYA] }] }));

    expect(verdict).toMatchObject({ decision: "REVIEW_REQUIRED", waitingOn: ["maya"] });
  });

  it("needs no one for files only the author owns", () => {
    const verdict = reviewVerdict(input({ requiredReviews: 0, codeOwnerReviews: true, owned: [{ path: "a.js", owners: [AUTHOR] }] }));

    expect(verdict).toMatchObject({ decision: null, satisfied: true });
  });

  it("lists each writer's latest opinion, oldest first", () => {
    const first = review(MAYA, "APPROVED");
    const second = review(LEE, "CHANGES_REQUESTED");
    const third = review(MAYA, "COMMENTED");

    expect(latestOpinions([third, second, first], () => true)).toEqual([first, second]);
  });
});
