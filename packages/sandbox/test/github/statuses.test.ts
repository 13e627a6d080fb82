import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadOpenApiIndex, validateResponse, type OpenApiIndex } from "../../src/github/fidelity/rest.ts";
import { validateWebhookPayload } from "../../src/github/fidelity/webhooks.ts";
import { expectFaithfulRun, requestFailure, startHarness, type Harness } from "./harness.ts";

const owner = "acme";
const repo = "calculator";

let h: Harness;
let openApi: OpenApiIndex;

beforeAll(() => {
  openApi = loadOpenApiIndex();
});

afterEach(async () => {
  await h.stop();
});

/** The harness app, also granted Commit statuses and subscribed to `status`, as a CI integration's app would be. */
async function startWithStatuses(statuses: "read" | "write" = "write"): Promise<Harness> {
  const harness = await startHarness();
  harness.app.permissions.statuses = statuses;
  // A new list: the harness registers its shared event list by reference.
  harness.app.events = [...harness.app.events, "status"];
  return harness;
}

async function mainSha(): Promise<string> {
  return (await h.octokit.rest.git.getRef({ owner, repo, ref: "heads/main" })).data.object.sha;
}

type State = "error" | "failure" | "pending" | "success";

async function post(sha: string, state: State, context?: string): Promise<number> {
  const created = await h.octokit.rest.repos.createCommitStatus({ owner, repo, sha, state, ...(context ? { context } : {}) });
  return created.data.id;
}

async function combined(ref: string): Promise<{ state: string; contexts: Array<[string, string]>; total: number }> {
  const answer = await h.octokit.rest.repos.getCombinedStatusForRef({ owner, repo, ref });
  expect(validateResponse(openApi, "repos/get-combined-status-for-ref", 200, answer.data)).toEqual([]);
  return {
    state: answer.data.state,
    contexts: answer.data.statuses.map((status) => [status.context, status.state]),
    total: answer.data.total_count,
  };
}

describe("sandbox commit statuses", () => {
  it("creates a status with the default context and sends a status webhook that fits GitHub's schema", async () => {
    h = await startWithStatuses();
    const sha = await mainSha();

    const created = await h.octokit.rest.repos.createCommitStatus({
      owner,
      repo,
      sha,
      state: "pending",
      target_url: "https://ci.example.com/builds/7",
      description: "Build queued",
    });
    await h.sandbox.settle();

    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({
      state: "pending",
      context: "default",
      description: "Build queued",
      target_url: "https://ci.example.com/builds/7",
      creator: { login: `${h.app.slug}[bot]` },
    });
    expect(created.data.node_id).toMatch(/^SC_/);
    expect(validateResponse(openApi, "repos/create-commit-status", 201, created.data)).toEqual([]);
    const hooks = h.receiver.named("status");
    expect(hooks).toHaveLength(1);
    expect(hooks[0]?.payload).toMatchObject({
      id: created.data.id,
      sha,
      name: `${owner}/${repo}`,
      state: "pending",
      context: "default",
      commit: { sha },
      branches: [{ name: "main", commit: { sha } }],
      sender: { login: `${h.app.slug}[bot]` },
    });
    expect(validateWebhookPayload("status", hooks[0]?.payload)).toEqual([]);
    await expectFaithfulRun(h);
  });

  it("combines the latest status of each context: pending with none, failure on any error or failure, success when all succeed", async () => {
    h = await startWithStatuses();
    const sha = await mainSha();

    const none = await combined(sha);
    await post(sha, "success", "ci/build");
    await post(sha, "pending", "ci/test");
    const oneWaiting = await combined(sha);
    await post(sha, "success", "ci/test");
    const allGreen = await combined("main");
    await post(sha, "error", "ci/lint");
    const oneErrored = await combined(sha);
    await post(sha, "success", "CI/Lint");
    const superseded = await combined("heads/main");
    await post(sha, "failure", "ci/build");
    const oneFailed = await combined(sha);

    expect(none).toEqual({ state: "pending", contexts: [], total: 0 });
    expect(oneWaiting.state).toBe("pending");
    expect(allGreen).toMatchObject({ state: "success", total: 2 });
    expect(oneErrored).toMatchObject({ state: "failure", total: 3 });
    expect(superseded).toEqual({
      state: "success",
      contexts: [
        ["CI/Lint", "success"],
        ["ci/test", "success"],
        ["ci/build", "success"],
      ],
      total: 3,
    });
    expect(oneFailed.state).toBe("failure");
    await expectFaithfulRun(h);
  });

  it("answers the combined status with the commit and repository addresses", async () => {
    h = await startWithStatuses();
    const sha = await mainSha();
    await post(sha, "success", "ci/build");

    const answer = await h.octokit.rest.repos.getCombinedStatusForRef({ owner, repo, ref: "main" });

    expect(answer.data).toMatchObject({
      sha,
      repository: { full_name: `${owner}/${repo}` },
      commit_url: `${h.sandbox.url}/repos/${owner}/${repo}/commits/${sha}`,
      url: `${h.sandbox.url}/repos/${owner}/${repo}/commits/${sha}/status`,
    });
    await expectFaithfulRun(h);
  });

  it("lists every status of a ref newest first, one page at a time", async () => {
    h = await startWithStatuses();
    const sha = await mainSha();
    const first = await post(sha, "pending", "ci/build");
    const second = await post(sha, "success", "ci/build");
    const third = await post(sha, "failure", "ci/test");

    const all = await h.octokit.rest.repos.listCommitStatusesForRef({ owner, repo, ref: "main" });
    const pageOne = await h.octokit.rest.repos.listCommitStatusesForRef({ owner, repo, ref: sha, per_page: 2 });
    const paginated = await h.octokit.paginate(h.octokit.rest.repos.listCommitStatusesForRef, { owner, repo, ref: sha, per_page: 1 });

    expect(all.data.map((status) => status.id)).toEqual([third, second, first]);
    expect(validateResponse(openApi, "repos/list-commit-statuses-for-ref", 200, all.data)).toEqual([]);
    expect(pageOne.data.map((status) => status.id)).toEqual([third, second]);
    expect(pageOne.headers.link).toContain('rel="next"');
    expect(paginated.map((status) => status.id)).toEqual([third, second, first]);
    await expectFaithfulRun(h);
  });

  it("refuses a state GitHub does not know with its validation message", async () => {
    h = await startWithStatuses();
    const sha = await mainSha();

    // Untyped on purpose: Octokit's types would refuse the state before it reached the sandbox.
    const untyped = h.octokit.request as (route: string, parameters: Record<string, unknown>) => Promise<unknown>;
    const failure = await requestFailure(untyped("POST /repos/{owner}/{repo}/statuses/{sha}", { owner, repo, sha, state: "passed" }));

    expect(failure.status).toBe(422);
    expect(failure.message).toBe(
      'Invalid request.\n\nFor \'properties/state\', "passed" is not a member of ["error", "failure", "pending", "success"].',
    );
    expect(h.sandbox.store.commitStatuses.size).toBe(0);
  });

  it("refuses a status on a commit the repository does not have", async () => {
    h = await startWithStatuses();
    const missing = "0123456789abcdef0123456789abcdef01234567";

    const created = await requestFailure(h.octokit.rest.repos.createCommitStatus({ owner, repo, sha: missing, state: "success" }));
    const read = await requestFailure(h.octokit.rest.repos.getCombinedStatusForRef({ owner, repo, ref: "no-such-branch" }));

    expect(created).toMatchObject({ status: 422, message: `No commit found for SHA: ${missing}` });
    expect(read.status).toBe(404);
    expect(validateResponse(openApi, "repos/get-combined-status-for-ref", 404, read.data)).toEqual([]);
    expect(h.receiver.named("status")).toEqual([]);
  });

  it("refuses a status from a user with read access only, and lets that user read statuses", async () => {
    h = await startWithStatuses();
    const sha = await mainSha();
    await post(sha, "success", "ci/build");
    h.sandbox.setPermission(h.repo, "rita", "read");
    const rita = h.userOctokit("rita");

    const refused = await requestFailure(rita.rest.repos.createCommitStatus({ owner, repo, sha, state: "failure", context: "ci/build" }));
    const read = await rita.rest.repos.getCombinedStatusForRef({ owner, repo, ref: sha });

    expect(refused).toMatchObject({ status: 403, message: "Must have push access to this repository." });
    expect(read.data.state).toBe("success");
    expect(h.sandbox.store.statusesFor(h.repo.id, sha)).toHaveLength(1);
    await expectFaithfulRun(h);
  });

  it("accepts a status from a user with write access, who is its creator", async () => {
    h = await startWithStatuses();
    const sha = await mainSha();
    h.sandbox.setPermission(h.repo, "wanda", "write");

    const created = await h.userOctokit("wanda").rest.repos.createCommitStatus({ owner, repo, sha, state: "success" });
    await h.sandbox.settle();

    expect(created.data.creator?.login).toBe("wanda");
    expect(h.receiver.named("status")[0]?.payload).toMatchObject({ sender: { login: "wanda" } });
    await expectFaithfulRun(h);
  });

  it("refuses an app whose Commit statuses permission is read-only, and an app without it cannot read", async () => {
    h = await startWithStatuses("read");
    const sha = await mainSha();

    const refused = await requestFailure(h.octokit.rest.repos.createCommitStatus({ owner, repo, sha, state: "success" }));
    delete h.app.permissions.statuses;
    const unreadable = await requestFailure(h.octokit.rest.repos.listCommitStatusesForRef({ owner, repo, ref: sha }));

    expect(refused).toMatchObject({ status: 403, message: "Resource not accessible by integration" });
    expect(unreadable.status).toBe(403);
  });

  it("sends no status webhook to an app that does not subscribe to it", async () => {
    h = await startHarness();
    h.app.permissions.statuses = "write";
    h.app.events = h.app.events.filter((event) => event !== "status");
    const sha = await mainSha();

    await post(sha, "success", "ci/build");
    await h.sandbox.settle();

    expect(h.receiver.named("status")).toEqual([]);
    await expectFaithfulRun(h);
  });
});
