import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadOpenApiIndex, validateResponse, type OpenApiIndex } from "../../src/github/fidelity/rest.ts";
import { expectFaithfulRun, requestFailure } from "./harness.ts";
import { commitFiles, mergeableState, openPull, owner, repo, startProtected, type ProtectedWorld } from "./protection-fixtures.ts";

let w: ProtectedWorld;
let openApi: OpenApiIndex;

beforeAll(() => {
  openApi = loadOpenApiIndex();
});

afterEach(async () => {
  await w.h.stop();
});

/** The app's merge of pull request `number`; the refusal's status and message when refused. */
async function mergeRefusal(number: number, method: "merge" | "squash" = "squash"): Promise<{ status: number; message: unknown }> {
  const failure = await requestFailure(w.h.octokit.rest.pulls.merge({ owner, repo, pull_number: number, merge_method: method }));
  expect(validateResponse(openApi, "pulls/merge", failure.status, failure.data)).toEqual([]);
  return { status: failure.status, message: failure.message };
}

/** The documentation GitHub's refusal of pull request `number`'s merge points to. */
async function refusalDocs(number: number): Promise<unknown> {
  const failure = await requestFailure(w.h.octokit.rest.pulls.merge({ owner, repo, pull_number: number, merge_method: "squash" }));
  return failure.data.documentation_url;
}

async function approve(octokit: ProtectedWorld["lee"], number: number): Promise<void> {
  await octokit.rest.pulls.createReview({ owner, repo, pull_number: number, event: "APPROVE" });
}

async function checkRun(sha: string, name: string, conclusion?: "success" | "failure"): Promise<void> {
  const status = conclusion ? { status: "completed" as const, conclusion } : { status: "in_progress" as const };
  await w.h.octokit.rest.checks.create({ owner, repo, name, head_sha: sha, ...status });
}

async function commitStatus(sha: string, state: "pending" | "success" | "failure"): Promise<void> {
  await w.h.userOctokit("jenkins").rest.repos.createCommitStatus({ owner, repo, sha, state, context: "ci/jenkins" });
}

describe("merging under the default branch's protection", () => {
  it("refuses the merge with GitHub's sentences until a writer approves and the required checks and statuses pass", async () => {
    w = await startProtected({ requiredReviews: 1, requiredChecks: ["test", "ci/jenkins"] });
    w.h.sandbox.setPermission(w.h.repo, "jenkins", "write");
    const pull = await openPull(w.maya, "feature");

    const unreviewed = await mergeRefusal(pull.number);
    const blocked = await mergeableState(w.maya, pull.number);
    await approve(w.rita, pull.number);
    const afterReader = await mergeRefusal(pull.number);
    await approve(w.lee, pull.number);
    const afterWriter = await mergeRefusal(pull.number);
    await checkRun(pull.headSha, "test");
    await commitStatus(pull.headSha, "pending");
    const running = await mergeRefusal(pull.number);
    await checkRun(pull.headSha, "test", "failure");
    const failing = await mergeRefusal(pull.number);
    await checkRun(pull.headSha, "test", "success");
    await commitStatus(pull.headSha, "success");
    await checkRun(pull.headSha, "lint", "failure");
    const unstable = await mergeableState(w.maya, pull.number);
    const merged = await w.h.octokit.rest.pulls.merge({ owner, repo, pull_number: pull.number, merge_method: "squash" });

    const reviews = "At least 1 approving review is required by reviewers with write access.";
    expect(unreviewed).toEqual({ status: 405, message: `${reviews} 2 of 2 required status checks are expected.` });
    expect(blocked).toBe("blocked");
    expect(afterReader).toEqual(unreviewed);
    expect(afterWriter).toEqual({ status: 405, message: "2 of 2 required status checks are expected." });
    expect(running).toEqual({ status: 405, message: "2 of 2 required status checks are in progress." });
    expect(failing).toEqual({ status: 405, message: "2 of 2 required status checks have not succeeded: 1 failing." });
    expect(unstable).toBe("unstable");
    expect(merged.data.merged).toBe(true);
    await expectFaithfulRun(w.h);
  });

  it("names the first violation under 'Repository rule violations found' for a ruleset", async () => {
    w = await startProtected({ via: "ruleset", requiredReviews: 2, requiredChecks: ["test"] });
    const pull = await openPull(w.maya, "feature");

    const refusal = await mergeRefusal(pull.number);
    const docs = await refusalDocs(pull.number);

    expect(refusal).toEqual({
      status: 405,
      message: "Repository rule violations found\n\nAt least 2 approving reviews are required by reviewers with write access.\n\n",
    });
    expect(docs).toBe("https://docs.github.com/articles/about-protected-branches");
    await expectFaithfulRun(w.h);
  });

  it("refuses a merge commit under linear history and takes a squash", async () => {
    w = await startProtected({ linearHistory: true, requiredChecks: [] });
    const pull = await openPull(w.maya, "feature");

    const refusal = await mergeRefusal(pull.number, "merge");
    const merged = await w.h.octokit.rest.pulls.merge({ owner, repo, pull_number: pull.number, merge_method: "squash" });

    expect(refusal).toEqual({ status: 405, message: "Merge commits are not allowed on this repository." });
    expect(merged.data.merged).toBe(true);
    await expectFaithfulRun(w.h);
  });

  it("refuses a head that lacks the base tip when branches must be up to date, and merges once updated", async () => {
    w = await startProtected({ upToDate: true, requiredChecks: [] });
    const pull = await openPull(w.maya, "feature");
    await w.h.repo.git.seed(
      { "docs/notes.md": "notes\n" },
      { branch: "main", message: "Notes", author: { name: "Lee", email: "lee@example.com" } },
    );

    const state = await mergeableState(w.maya, pull.number);
    const refusal = await mergeRefusal(pull.number);
    await w.maya.rest.pulls.updateBranch({ owner, repo, pull_number: pull.number });
    await w.h.sandbox.settle();
    const updated = await mergeableState(w.maya, pull.number);
    const merged = await w.h.octokit.rest.pulls.merge({ owner, repo, pull_number: pull.number, merge_method: "squash" });

    expect(state).toBe("behind");
    expect(refusal).toEqual({ status: 409, message: "Head branch is out of date. Review and try the merge again." });
    expect(updated).toBe("clean");
    expect(merged.data.merged).toBe(true);
    await expectFaithfulRun(w.h);
  });

  it("dismisses approvals on a push when the rules say so, with pull_request_review.dismissed", async () => {
    w = await startProtected({ requiredReviews: 1, dismissStaleReviews: true, requiredChecks: [] });
    const pull = await openPull(w.maya, "feature");
    await approve(w.lee, pull.number);
    const approved = await mergeableState(w.maya, pull.number);

    await commitFiles(w.maya, "feature", { "src/sub.js": "export const sub = (a, b) => a - b; // v2\n" });
    await w.h.sandbox.settle();

    const reviews = await w.maya.rest.pulls.listReviews({ owner, repo, pull_number: pull.number });
    expect(approved).toBe("clean");
    expect(reviews.data.map((review) => review.state)).toEqual(["DISMISSED"]);
    expect(await mergeableState(w.maya, pull.number)).toBe("blocked");
    const dismissed = w.h.receiver.named("pull_request_review", "dismissed");
    expect(dismissed.map((hook) => hook.payload.review)).toMatchObject([{ state: "dismissed", user: { login: "lee" } }]);
    await expectFaithfulRun(w.h);
  });

  it("keeps approvals across a push when stale reviews are not dismissed", async () => {
    w = await startProtected({ requiredReviews: 1, requiredChecks: [] });
    const pull = await openPull(w.maya, "feature");
    await approve(w.lee, pull.number);

    await commitFiles(w.maya, "feature", { "src/sub.js": "export const sub = (a, b) => a - b; // v2\n" });
    await w.h.sandbox.settle();

    expect(await mergeableState(w.maya, pull.number)).toBe("clean");
    expect(w.h.receiver.named("pull_request_review", "dismissed")).toEqual([]);
    await expectFaithfulRun(w.h);
  });

  it("merges without reviews or checks, and reports behind without strictness, when the repository has no protection, as before", async () => {
    w = await startProtected(undefined, { requiredChecks: ["test"] });
    const behind = await openPull(w.maya, "behind", { "src/behind.js": "export const b = 1;\n" });
    const pull = await openPull(w.maya, "feature");
    await w.h.repo.git.seed(
      { "docs/notes.md": "notes\n" },
      { branch: "main", message: "Notes", author: { name: "Lee", email: "lee@example.com" } },
    );
    await commitFiles(w.maya, "feature", { "src/more.js": "export const m = 1;\n" });
    await w.maya.rest.pulls.updateBranch({ owner, repo, pull_number: pull.number });
    await w.h.sandbox.settle();

    const behindState = await mergeableState(w.maya, behind.number);
    const state = await mergeableState(w.maya, pull.number);
    const merged = await w.h.octokit.rest.pulls.merge({ owner, repo, pull_number: pull.number });

    expect(behindState).toBe("behind");
    expect(state).toBe("clean");
    expect(merged.data.merged).toBe(true);
    await expectFaithfulRun(w.h);
  });
});
