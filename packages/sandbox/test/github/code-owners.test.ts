import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadOpenApiIndex, validateResponse, type OpenApiIndex } from "../../src/github/fidelity/rest.ts";
import { expectFaithfulRun, requestFailure } from "./harness.ts";
import { commitFiles, openPull, owner, repo, startProtected, type ProtectedWorld } from "./protection-fixtures.ts";

let w: ProtectedWorld;
let openApi: OpenApiIndex;

beforeAll(() => {
  openApi = loadOpenApiIndex();
});

afterEach(async () => {
  await w.h.stop();
});

const CODEOWNERS = ["# Owners", "*         @acme", "/src/     @lee", "/docs/    @maya", "*.md      @acme/docs-team"].join("\n");
const FILES = {
  "README.md": "# calculator\n",
  "src/add.js": "export const add = (a, b) => a + b;\n",
  ".github/CODEOWNERS": `${CODEOWNERS}\n`,
};

const REVIEW_STATE = `
  query State($number: Int!) {
    repository(owner: "acme", name: "calculator") {
      pullRequest(number: $number) {
        reviewDecision
        mergeStateStatus
        reviewRequests(first: 10) { totalCount nodes { asCodeOwner requestedReviewer { __typename ... on User { login } } } }
        latestOpinionatedReviews(first: 10, writersOnly: true) { nodes { state author { login } } }
      }
    }
  }`;

interface ReviewState {
  reviewDecision: string | null;
  mergeStateStatus: string;
  reviewRequests: { totalCount: number; nodes: Array<{ asCodeOwner: boolean; requestedReviewer: { __typename: string; login?: string } }> };
  latestOpinionatedReviews: { nodes: Array<{ state: string; author: { login: string } }> };
}

async function reviewState(number: number): Promise<ReviewState> {
  const answer = await w.h.octokit.graphql<{ repository: { pullRequest: ReviewState } }>(REVIEW_STATE, { number });
  return answer.repository.pullRequest;
}

describe("code owners and review decisions", () => {
  it("asks the code owners of the changed files, waits on them, and merges after their approval", async () => {
    w = await startProtected({ codeOwnerReviews: true, requiredChecks: [] }, { files: FILES });
    const pull = await openPull(w.maya, "feature", { "src/sub.js": "export const sub = 1;\n", "docs/sub.md": "sub\n" });
    await w.h.sandbox.settle();

    const opened = await reviewState(pull.number);
    const rest = await w.maya.rest.pulls.get({ owner, repo, pull_number: pull.number });
    const refusal = await requestFailure(w.h.octokit.rest.pulls.merge({ owner, repo, pull_number: pull.number, merge_method: "squash" }));
    await w.lee.rest.pulls.createReview({ owner, repo, pull_number: pull.number, event: "APPROVE" });
    const approved = await reviewState(pull.number);
    const merged = await w.h.octokit.rest.pulls.merge({ owner, repo, pull_number: pull.number, merge_method: "squash" });

    expect(opened).toEqual({
      reviewDecision: "REVIEW_REQUIRED",
      mergeStateStatus: "BLOCKED",
      reviewRequests: { totalCount: 1, nodes: [{ asCodeOwner: true, requestedReviewer: { __typename: "User", login: "lee" } }] },
      latestOpinionatedReviews: { nodes: [] },
    });
    expect(rest.data.requested_reviewers?.map((user) => user.login)).toEqual(["lee"]);
    expect(validateResponse(openApi, "pulls/get", 200, rest.data)).toEqual([]);
    expect(refusal).toMatchObject({ status: 405, message: "Waiting on code owner review from lee." });
    const requested = w.h.receiver.named("pull_request", "review_requested");
    expect(requested.map((hook) => hook.payload.requested_reviewer)).toMatchObject([{ login: "lee" }]);
    expect(approved).toMatchObject({
      reviewDecision: "APPROVED",
      mergeStateStatus: "CLEAN",
      reviewRequests: { totalCount: 0, nodes: [] },
      latestOpinionatedReviews: { nodes: [{ state: "APPROVED", author: { login: "lee" } }] },
    });
    expect(merged.data.merged).toBe(true);
    await expectFaithfulRun(w.h);
  });

  it("asks a code owner again after a push dismissed their approval", async () => {
    w = await startProtected({ codeOwnerReviews: true, dismissStaleReviews: true, requiredChecks: [] }, { files: FILES });
    const pull = await openPull(w.maya, "feature", { "src/sub.js": "export const sub = 1;\n" });
    await w.lee.rest.pulls.createReview({ owner, repo, pull_number: pull.number, event: "APPROVE" });

    await commitFiles(w.maya, "feature", { "src/sub.js": "export const sub = 2;\n" });
    await w.h.sandbox.settle();

    const state = await reviewState(pull.number);
    expect(state).toMatchObject({
      reviewDecision: "REVIEW_REQUIRED",
      reviewRequests: { totalCount: 1 },
      latestOpinionatedReviews: { nodes: [] },
    });
    expect(w.h.receiver.named("pull_request", "review_requested")).toHaveLength(2);
    await expectFaithfulRun(w.h);
  });

  it("reports a writer's change request as CHANGES_REQUESTED and only writers' reviews as opinions", async () => {
    w = await startProtected({ requiredReviews: 1, requiredChecks: [] });
    const pull = await openPull(w.maya, "feature");

    await w.rita.rest.pulls.createReview({ owner, repo, pull_number: pull.number, event: "APPROVE" });
    const afterReader = await reviewState(pull.number);
    await w.lee.rest.pulls.createReview({ owner, repo, pull_number: pull.number, event: "REQUEST_CHANGES", body: "Please rename." });
    const afterChanges = await reviewState(pull.number);

    expect(afterReader).toMatchObject({ reviewDecision: "REVIEW_REQUIRED", latestOpinionatedReviews: { nodes: [] } });
    expect(afterChanges).toMatchObject({
      reviewDecision: "CHANGES_REQUESTED",
      mergeStateStatus: "BLOCKED",
      latestOpinionatedReviews: { nodes: [{ state: "CHANGES_REQUESTED", author: { login: "lee" } }] },
    });
    await expectFaithfulRun(w.h);
  });

  it("decides nothing (null) and asks no one on a repository without protection or CODEOWNERS", async () => {
    w = await startProtected(undefined);
    const pull = await openPull(w.maya, "feature");
    await w.lee.rest.pulls.createReview({ owner, repo, pull_number: pull.number, event: "APPROVE" });

    const state = await reviewState(pull.number);

    expect(state).toMatchObject({ reviewDecision: null, mergeStateStatus: "CLEAN", reviewRequests: { totalCount: 0 } });
    expect(w.h.receiver.named("pull_request", "review_requested")).toEqual([]);
    await expectFaithfulRun(w.h);
  });
});
