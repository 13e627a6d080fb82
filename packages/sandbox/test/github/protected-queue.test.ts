import { afterEach, describe, expect, it } from "vitest";
import { expectFaithfulRun } from "./harness.ts";
import { openPull, owner, repo, startProtected, type ProtectedWorld } from "./protection-fixtures.ts";

let w: ProtectedWorld;

afterEach(async () => {
  await w.h.stop();
});

const ENQUEUE = `mutation($id: ID!) { enqueuePullRequest(input: { pullRequestId: $id }) { mergeQueueEntry { state } } }`;
const ENTRIES = `query { repository(owner: "acme", name: "calculator") { mergeQueue { entries(first: 5) { nodes { headCommit { oid } } } } } }`;
const AUTO_MERGE = `mutation($id: ID!) { enablePullRequestAutoMerge(input: { pullRequestId: $id, mergeMethod: SQUASH }) { pullRequest { number } } }`;

/** The GraphQL errors of a call that must fail. */
async function graphqlErrors(call: Promise<unknown>): Promise<Array<Record<string, unknown>>> {
  const failure = await call.then(
    () => null,
    (error: unknown) => error as { errors: Array<Record<string, unknown>> },
  );
  if (failure === null) throw new Error("expected the GraphQL call to fail");
  return failure.errors;
}

async function groupSha(): Promise<string> {
  const answer = await w.h.octokit.graphql<{ repository: { mergeQueue: { entries: { nodes: Array<{ headCommit: { oid: string } }> } } } }>(
    ENTRIES,
  );
  const oid = answer.repository.mergeQueue.entries.nodes[0]?.headCommit.oid;
  if (oid === undefined) throw new Error("the queue is empty");
  return oid;
}

async function jenkins(sha: string, state: "pending" | "success" | "failure"): Promise<void> {
  await w.h.userOctokit("jenkins").rest.repos.createCommitStatus({ owner, repo, sha, state, context: "ci/jenkins" });
  await w.h.sandbox.settle();
}

describe("the merge queue and auto-merge under protection", () => {
  it("refuses to enqueue until a writer approves, then merges the group once the required status passes on it", async () => {
    w = await startProtected({ requiredReviews: 1, requiredChecks: ["ci/jenkins"] }, { mergeQueue: true });
    w.h.sandbox.setPermission(w.h.repo, "jenkins", "write");
    const pull = await openPull(w.maya, "feature");

    const refused = await graphqlErrors(w.h.octokit.graphql(ENQUEUE, { id: pull.nodeId }));
    await w.lee.rest.pulls.createReview({ owner, repo, pull_number: pull.number, event: "APPROVE" });
    await w.h.octokit.graphql(ENQUEUE, { id: pull.nodeId });
    await w.h.sandbox.settle();
    const group = await groupSha();
    await jenkins(pull.headSha, "success");
    const waiting = (await w.maya.rest.pulls.get({ owner, repo, pull_number: pull.number })).data.merged;
    await jenkins(group, "success");
    const after = (await w.maya.rest.pulls.get({ owner, repo, pull_number: pull.number })).data;

    expect(refused).toEqual([
      expect.objectContaining({
        type: "UNPROCESSABLE",
        message: "Pull request At least 1 approving review is required by reviewers with write access.",
      }),
    ]);
    expect(waiting).toBe(false);
    expect(after).toMatchObject({ merged: true, merge_commit_sha: group });
    await expectFaithfulRun(w.h);
  });

  it("removes a group whose required status fails", async () => {
    w = await startProtected({ requiredChecks: ["ci/jenkins"] }, { mergeQueue: true });
    w.h.sandbox.setPermission(w.h.repo, "jenkins", "write");
    const pull = await openPull(w.maya, "feature");
    await w.h.octokit.graphql(ENQUEUE, { id: pull.nodeId });
    await w.h.sandbox.settle();

    await jenkins(await groupSha(), "failure");

    const dequeued = w.h.receiver.named("pull_request", "dequeued");
    expect(dequeued.map((hook) => hook.payload.reason)).toEqual(["CI_FAILURE"]);
    await expectFaithfulRun(w.h);
  });

  it("auto-merges only once the review rule is met as well as the required checks", async () => {
    w = await startProtected({ requiredReviews: 1, requiredChecks: ["ci/jenkins"] });
    w.h.sandbox.setPermission(w.h.repo, "jenkins", "write");
    const pull = await openPull(w.maya, "feature");

    await w.h.octokit.graphql(AUTO_MERGE, { id: pull.nodeId });
    await jenkins(pull.headSha, "success");
    const beforeReview = (await w.maya.rest.pulls.get({ owner, repo, pull_number: pull.number })).data.merged;
    await w.lee.rest.pulls.createReview({ owner, repo, pull_number: pull.number, event: "APPROVE" });
    await w.h.sandbox.settle();
    const afterReview = (await w.maya.rest.pulls.get({ owner, repo, pull_number: pull.number })).data.merged;

    expect(beforeReview).toBe(false);
    expect(afterReview).toBe(true);
    await expectFaithfulRun(w.h);
  });
});
