import { afterEach, describe, expect, it } from "vitest";
import type { CiCommand } from "../../src/github/state/types.ts";
import { startHarness, type Harness, type ReceivedWebhook } from "./harness.ts";

const owner = "acme";
const repo = "calculator";
const ADD = "export const add=(a,b)=>a+b;";
const FILES = {
  "package.json": '{"type":"module"}',
  "add.js": ADD,
  "add.test.js":
    "import {test} from 'node:test'; import assert from 'node:assert'; import {add} from './add.js'; test('adds',()=>assert.equal(add(1,2),3));",
};
const NODE_TEST: CiCommand = { name: "test", run: "node --test", timeoutSeconds: 60 };

let h: Harness;

afterEach(async () => {
  await h.stop();
});

interface GraphqlFailure {
  errors: Array<Record<string, unknown>>;
  data: Record<string, unknown> | null | undefined;
}

async function graphqlFailure(request: Promise<unknown>): Promise<GraphqlFailure> {
  const error = await request.then(
    () => null,
    (failure: unknown) => failure,
  );
  if (error === null) throw new Error("expected the GraphQL call to answer errors");
  return error as GraphqlFailure;
}

async function branchSha(branch: string): Promise<string> {
  const ref = await h.octokit.rest.git.getRef({ owner, repo, ref: `heads/${branch}` });
  return ref.data.object.sha;
}

/** Commits `files` on an existing branch through createCommitOnBranch and returns the commit. */
async function commitOn(branch: string, files: Record<string, string>): Promise<string> {
  const additions = Object.entries(files).map(([path, text]) => ({ path, contents: Buffer.from(text).toString("base64") }));
  const result = await h.octokit.graphql<{ createCommitOnBranch: { commit: { oid: string } } }>(
    `mutation($input: CreateCommitOnBranchInput!) { createCommitOnBranch(input: $input) { commit { oid } } }`,
    {
      input: {
        branch: { repositoryNameWithOwner: `${owner}/${repo}`, branchName: branch },
        expectedHeadOid: await branchSha(branch),
        message: { headline: `Change ${branch}` },
        fileChanges: { additions },
      },
    },
  );
  return result.createCommitOnBranch.commit.oid;
}

/** Creates `branch` from main with one commit changing `files`. */
async function branchWith(branch: string, files: Record<string, string>): Promise<string> {
  await h.octokit.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha: await branchSha("main") });
  return commitOn(branch, files);
}

async function openPull(branch: string, files: Record<string, string>): Promise<{ number: number; nodeId: string; headSha: string }> {
  const headSha = await branchWith(branch, files);
  const created = await h.octokit.rest.pulls.create({ owner, repo, head: branch, base: "main", title: `Change ${branch}` });
  return { number: created.data.number, nodeId: created.data.node_id, headSha };
}

const ENQUEUE = `
  mutation Enqueue($id: ID!, $head: GitObjectID) {
    enqueuePullRequest(input: { pullRequestId: $id, expectedHeadOid: $head }) { mergeQueueEntry { id state position } }
  }`;

interface EnqueueResult {
  enqueuePullRequest: { mergeQueueEntry: { id: string; state: string; position: number } };
}

function enqueue(pull: { nodeId: string; headSha: string }): Promise<EnqueueResult> {
  return h.octokit.graphql<EnqueueResult>(ENQUEUE, { id: pull.nodeId, head: pull.headSha });
}

async function queueEntries(): Promise<Array<Record<string, unknown>>> {
  const result = await h.octokit.graphql<{ repository: { mergeQueue: { entries: { nodes: Array<Record<string, unknown>> } } } }>(
    `query { repository(owner: "acme", name: "calculator") { mergeQueue(branch: "main") { entries(first: 5) { nodes { state position pullRequest { number } headCommit { oid } } } } } }`,
  );
  return result.repository.mergeQueue.entries.nodes;
}

const payloadsOf = (hooks: ReceivedWebhook[]): Array<Record<string, unknown>> => hooks.map((hook) => hook.payload);

function expectFaithful(): void {
  expect(h.sandbox.webhooks.invalid()).toEqual([]);
  expect(h.sandbox.requestLog.rejected()).toEqual([]);
}

describe("sandbox merge queue", () => {
  it("refuses to enqueue on a repository without a merge queue with GitHub's error", async () => {
    h = await startHarness({ files: FILES });
    const pull = await openPull("feature", { "README.md": "# hello\n" });

    const failure = await graphqlFailure(enqueue(pull));

    expect(failure.data).toEqual({ enqueuePullRequest: null });
    expect(failure.errors).toEqual([
      expect.objectContaining({
        type: "UNPROCESSABLE",
        path: ["enqueuePullRequest"],
        message: "Base branch does not have a merge queue enabled",
      }),
    ]);
    await h.sandbox.settle();
    expect(h.receiver.named("pull_request", "enqueued")).toEqual([]);
  });

  it("tests an enqueued pull request in a gh-readonly-queue group and merges it into main", async () => {
    h = await startHarness({ files: FILES, ci: [NODE_TEST], mergeQueue: true });
    const pull = await openPull("feature", { "README.md": "# hello\n" });
    const mainBefore = await branchSha("main");

    const result = await enqueue(pull);
    await h.sandbox.settle();

    expect(result.enqueuePullRequest.mergeQueueEntry).toMatchObject({ state: "QUEUED", position: 1 });
    expect(payloadsOf(h.receiver.named("pull_request", "enqueued"))).toEqual([expect.objectContaining({ number: pull.number })]);
    const [requested] = payloadsOf(h.receiver.named("merge_group", "checks_requested"));
    const group = requested?.merge_group as { head_sha: string; head_ref: string; base_sha: string; base_ref: string };
    expect(group).toMatchObject({
      head_ref: `refs/heads/gh-readonly-queue/main/pr-${pull.number}-${pull.headSha}`,
      base_sha: mainBefore,
      base_ref: "refs/heads/main",
    });
    const checks = await h.octokit.rest.checks.listForRef({ owner, repo, ref: group.head_sha });
    expect(checks.data.check_runs).toEqual([expect.objectContaining({ name: "test", conclusion: "success" })]);
    expect(await branchSha("main")).toBe(group.head_sha);
    const closed = payloadsOf(h.receiver.named("pull_request", "closed"));
    expect(closed).toMatchObject([{ number: pull.number, pull_request: { merged: true, merge_commit_sha: group.head_sha } }]);
    expect(payloadsOf(h.receiver.named("pull_request", "dequeued"))).toEqual([expect.objectContaining({ reason: "MERGE" })]);
    expect(payloadsOf(h.receiver.named("merge_group", "destroyed"))).toEqual([expect.objectContaining({ reason: "merged" })]);
    expect(await h.repo.git.getRef(`heads/gh-readonly-queue/main/pr-${pull.number}-${pull.headSha}`)).toBeNull();
    const state = await h.octokit.graphql<{
      repository: { pullRequest: Record<string, unknown>; mergeQueue: { entries: { totalCount: number } } };
    }>(
      `query { repository(owner: "acme", name: "calculator") { pullRequest(number: ${pull.number}) { state merged isInMergeQueue } mergeQueue(branch: "main") { entries(first: 10) { totalCount } } } }`,
    );
    expect(state.repository).toEqual({
      pullRequest: { state: "MERGED", merged: true, isInMergeQueue: false },
      mergeQueue: { entries: { totalCount: 0 } },
    });
    expectFaithful();
  });

  it("never merges a head pushed after the pull request was queued: the push dequeues it, or comes after the merge", async () => {
    h = await startHarness({ files: FILES, ci: [NODE_TEST], mergeQueue: true });
    for (const delayMs of [0, 300, 700, 1_200]) {
      const branch = `race-${delayMs}`;
      const pull = await openPull(branch, { [`${branch}.txt`]: "queued\n" });

      await enqueue(pull);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      await commitOn(branch, { [`${branch}-pushed.txt`]: "pushed while queued\n" });
      await h.sandbox.settle();

      const { data } = await h.octokit.rest.pulls.get({ owner, repo, pull_number: pull.number });
      const onMain = await h.repo.git.readFile("main", `${branch}-pushed.txt`);
      expect(onMain, `push after ${delayMs} ms`).toBeNull();
      if (data.merged) expect(data.head.sha, `push after ${delayMs} ms`).toBe(pull.headSha);
    }
    expectFaithful();
  });

  it("ejects a pull request whose group fails CI and leaves main where it was", async () => {
    h = await startHarness({ files: FILES, ci: [NODE_TEST], mergeQueue: true });
    const pull = await openPull("broken", { "add.js": "export const add=(a,b)=>a-b;" });
    const mainBefore = await branchSha("main");

    await enqueue(pull);
    await h.sandbox.settle();

    expect(await branchSha("main")).toBe(mainBefore);
    expect(payloadsOf(h.receiver.named("pull_request", "dequeued"))).toEqual([
      expect.objectContaining({ number: pull.number, reason: "CI_FAILURE" }),
    ]);
    expect(payloadsOf(h.receiver.named("merge_group", "destroyed"))).toEqual([expect.objectContaining({ reason: "dequeued" })]);
    expect(h.receiver.named("pull_request", "closed")).toEqual([]);
    const pr = await h.octokit.rest.pulls.get({ owner, repo, pull_number: pull.number });
    expect(pr.data).toMatchObject({ state: "open", merged: false });
    expectFaithful();
  });

  it("merges two pull requests queued back to back, in order, the second tested on top of the first", async () => {
    h = await startHarness({ files: FILES, ci: [NODE_TEST], mergeQueue: true });
    const first = await openPull("first", { "one.txt": "1\n" });
    const second = await openPull("second", { "two.txt": "2\n" });

    await enqueue(first);
    await enqueue(second);
    await h.sandbox.settle();

    const groups = payloadsOf(h.receiver.named("merge_group", "checks_requested")).map(
      (payload) => payload.merge_group as { head_sha: string; base_sha: string },
    );
    expect(groups).toHaveLength(2);
    expect(groups[1]?.base_sha).toBe(groups[0]?.head_sha);
    const closed = payloadsOf(h.receiver.named("pull_request", "closed"));
    expect(closed.map((payload) => payload.number)).toEqual([first.number, second.number]);
    const [firstMerge, secondMerge] = closed.map((payload) => (payload.pull_request as { merge_commit_sha: string }).merge_commit_sha);
    expect(await branchSha("main")).toBe(secondMerge);
    const secondCommit = await h.octokit.rest.git.getCommit({ owner, repo, commit_sha: secondMerge ?? "" });
    expect(secondCommit.data.parents.map((parent) => parent.sha)).toEqual([firstMerge, second.headSha]);
    expect((await h.repo.git.readFile("main", "one.txt"))?.content.toString()).toBe("1\n");
    expect((await h.repo.git.readFile("main", "two.txt"))?.content.toString()).toBe("2\n");
    expect(payloadsOf(h.receiver.named("merge_group", "destroyed")).map((payload) => payload.reason)).toEqual(["merged", "merged"]);
    expectFaithful();
  });

  it("lists queued entries in order and rebuilds the ones behind a pull request dequeued by hand", async () => {
    h = await startHarness({ files: FILES, ci: [NODE_TEST], mergeQueue: true, requiredChecks: ["test", "Foreman"] });
    const first = await openPull("first", { "one.txt": "1\n" });
    const second = await openPull("second", { "two.txt": "2\n" });
    await enqueue(first);
    const queuedSecond = await enqueue(second);
    await h.sandbox.settle();
    const listed = await queueEntries();
    const [firstGroup, secondGroup] = payloadsOf(h.receiver.named("merge_group", "checks_requested")).map(
      (payload) => (payload.merge_group as { head_sha: string }).head_sha,
    );

    const removed = await h.octokit.graphql<{ dequeuePullRequest: { mergeQueueEntry: { id: string } } }>(
      `mutation($id: ID!) { dequeuePullRequest(input: { id: $id }) { mergeQueueEntry { id } } }`,
      { id: first.nodeId },
    );
    await h.sandbox.settle();

    expect(queuedSecond.enqueuePullRequest.mergeQueueEntry.position).toBe(2);
    expect(listed).toEqual([
      { state: "AWAITING_CHECKS", position: 1, pullRequest: { number: first.number }, headCommit: { oid: firstGroup } },
      { state: "AWAITING_CHECKS", position: 2, pullRequest: { number: second.number }, headCommit: { oid: secondGroup } },
    ]);
    expect(removed.dequeuePullRequest.mergeQueueEntry.id).toMatch(/^MQE_/);
    expect(payloadsOf(h.receiver.named("pull_request", "dequeued"))).toMatchObject([{ number: first.number, reason: "MANUAL" }]);
    expect(payloadsOf(h.receiver.named("merge_group", "destroyed"))).toMatchObject([
      { reason: "dequeued", merge_group: { head_sha: firstGroup } },
      { reason: "invalidated", merge_group: { head_sha: secondGroup } },
    ]);
    expect(await queueEntries()).toMatchObject([{ position: 1, pullRequest: { number: second.number } }]);
    expect(await h.repo.git.getRef(`heads/gh-readonly-queue/main/pr-${first.number}-${first.headSha}`)).toBeNull();
    expect(h.receiver.named("pull_request", "closed")).toEqual([]);
    expectFaithful();
  });

  it("rebuilds a waiting group on the new base when main moves, destroying the old one as invalidated", async () => {
    h = await startHarness({ files: FILES, ci: [NODE_TEST], mergeQueue: true, requiredChecks: ["test", "Foreman"] });
    const pull = await openPull("feature", { "README.md": "# hello\n" });
    await enqueue(pull);
    await h.sandbox.settle();

    const newMain = await commitOn("main", { "CHANGELOG.md": "# Changes\n" });
    await h.sandbox.settle();

    const groups = payloadsOf(h.receiver.named("merge_group", "checks_requested")).map(
      (payload) => payload.merge_group as { head_sha: string; base_sha: string },
    );
    expect(groups).toHaveLength(2);
    expect(groups[1]?.base_sha).toBe(newMain);
    expect(payloadsOf(h.receiver.named("merge_group", "destroyed"))).toMatchObject([
      { reason: "invalidated", merge_group: { head_sha: groups[0]?.head_sha } },
    ]);
    expect(await h.repo.git.getRef(`heads/gh-readonly-queue/main/pr-${pull.number}-${pull.headSha}`)).toBe(groups[1]?.head_sha);
    expect(await branchSha("main")).toBe(newMain);
    expectFaithful();
  });

  it("enqueues a pull request with auto-merge once its own checks pass, then merges it", async () => {
    h = await startHarness({ files: FILES, ci: [NODE_TEST], mergeQueue: true });
    const pull = await openPull("feature", { "README.md": "# hello\n" });

    const enabled = await h.octokit.graphql<{
      enablePullRequestAutoMerge: { pullRequest: { autoMergeRequest: { mergeMethod: string } | null } };
    }>(
      `mutation($id: ID!) { enablePullRequestAutoMerge(input: { pullRequestId: $id, mergeMethod: MERGE }) { pullRequest { autoMergeRequest { mergeMethod } } } }`,
      { id: pull.nodeId },
    );
    await h.sandbox.settle();

    expect(enabled.enablePullRequestAutoMerge.pullRequest.autoMergeRequest).toEqual({ mergeMethod: "MERGE" });
    expect(h.receiver.named("pull_request", "auto_merge_enabled")).toHaveLength(1);
    expect(h.receiver.named("pull_request", "enqueued")).toHaveLength(1);
    expect(payloadsOf(h.receiver.named("pull_request", "closed"))).toMatchObject([{ number: pull.number, pull_request: { merged: true } }]);
    expectFaithful();
  });
});
