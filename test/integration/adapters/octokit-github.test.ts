import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { OctokitRepoGitHub } from "../../../src/adapters/github/octokit-github.ts";
import { GitHubCallError } from "../../../src/ports/errors.ts";
import type { CheckRunInput, FileChange } from "../../../src/ports/github.ts";
import { md, plain } from "./port-text.ts";
import { startHarness, type Harness } from "@foreman/sandbox/harness";

const owner = "acme";
const repo = "calculator";
const changes: FileChange[] = [
  { path: "src/sub.js", content: "export const sub = (a, b) => a - b;\n" },
  { path: "src/ops/mul.js", content: "export const mul = (a, b) => a * b;\n" },
  { path: "README.md", content: null },
];

let h: Harness;
let github: OctokitRepoGitHub;

beforeEach(async () => {
  h = await startHarness();
  github = new OctokitRepoGitHub(h.octokit, { owner, repo, appLogin: `${h.app.slug}[bot]` });
});

afterEach(async () => {
  expect(h.sandbox.requestLog.rejected()).toEqual([]);
  await h.stop();
});

const writeCount = (): number => h.sandbox.requestLog.writes().length;

/** The API calls made since the log had `from` entries, leaving out the installation token the client fetches itself. */
const apiCallsSince = (from: number): (string | null)[] =>
  h.sandbox.requestLog
    .all()
    .slice(from)
    .map((entry) => entry.operationId)
    .filter((operationId) => operationId !== "apps/create-installation-access-token");

async function commitTask(branch = "foreman/7/add-sub"): Promise<{ base: string; sha: string }> {
  const { headSha } = await github.repository();
  const { sha } = await github.commitOnBranch({ expectedHead: null, branch, baseSha: headSha, message: plain("Add sub"), changes });
  return { base: headSha, sha };
}

describe("OctokitRepoGitHub against the sandbox", () => {
  it("reads the default branch, its head and whether it has a merge queue", async () => {
    const { data } = await h.octokit.rest.git.getRef({ owner, repo, ref: "heads/main" });

    const repository = await github.repository();

    expect(repository).toEqual({ defaultBranch: "main", headSha: data.object.sha, mergeQueue: false });
  });

  it("commits changes with a deletion in one commit on the base with exactly three Git Data writes", async () => {
    const before = writeCount();

    const { base, sha } = await commitTask();

    const written = h.sandbox.requestLog.writes().slice(before);
    expect(written.map((entry) => entry.operationId)).toEqual(["git/create-tree", "git/create-commit", "git/create-ref"]);
    const { data: commit } = await h.octokit.rest.git.getCommit({ owner, repo, commit_sha: sha });
    expect(commit.parents.map((parent) => parent.sha)).toEqual([base]);
    expect(commit.message).toBe("Add sub");
    expect(await github.readFiles("foreman/7/add-sub", ["src/sub.js", "src/ops/mul.js", "README.md", "src/add.js"])).toEqual({
      "src/sub.js": "export const sub = (a, b) => a - b;\n",
      "src/ops/mul.js": "export const mul = (a, b) => a * b;\n",
      "README.md": null,
      "src/add.js": "export const add = (a, b) => a + b;\n",
    });
  });

  it("commits changes without a deletion on a new branch in two writes: the branch at the base, then createCommitOnBranch", async () => {
    const before = writeCount();
    const { headSha } = await github.repository();
    const input = {
      expectedHead: null,
      branch: "foreman/7/sub",
      baseSha: headSha,
      message: plain("Add sub\n\nPart of #7."),
      changes: changes.slice(0, 2),
    };

    const { sha } = await github.commitOnBranch(input);

    expect(
      h.sandbox.requestLog
        .writes()
        .slice(before)
        .map((entry) => entry.operationId),
    ).toEqual(["git/create-ref", "graphql"]);
    const { data: commit } = await h.octokit.rest.git.getCommit({ owner, repo, commit_sha: sha });
    expect(commit.parents.map((parent) => parent.sha)).toEqual([headSha]);
    expect(commit.message).toBe("Add sub\n\nPart of #7.");
    expect(await github.commitAuthor(sha)).toBe(`${h.app.slug}[bot]`);
    expect(await github.readFiles("foreman/7/sub", ["src/sub.js", "src/ops/mul.js"])).toEqual({
      "src/sub.js": "export const sub = (a, b) => a - b;\n",
      "src/ops/mul.js": "export const mul = (a, b) => a * b;\n",
    });
  });

  it("goes on from a new branch that a lost answer left at the base, and keeps the commit a lost answer made", async () => {
    const { headSha } = await github.repository();
    await h.octokit.rest.git.createRef({ owner, repo, ref: "refs/heads/foreman/7/sub", sha: headSha });
    const input = {
      expectedHead: null,
      branch: "foreman/7/sub",
      baseSha: headSha,
      message: plain("Add sub"),
      changes: changes.slice(0, 2),
    };

    const first = await github.commitOnBranch(input);
    const before = writeCount();
    const again = await github.commitOnBranch(input);

    expect(again.sha).toBe(first.sha);
    expect(
      h.sandbox.requestLog
        .writes()
        .slice(before)
        .map((entry) => entry.operationId)
        .filter((id) => id !== "git/create-tree"),
    ).toEqual([]);
    expect(await github.branchHead("foreman/7/sub")).toBe(first.sha);
  });

  it("reuses the commit when the same changes are committed again on the same base", async () => {
    const first = await commitTask();
    const before = writeCount();

    const second = await commitTask();

    expect(second.sha).toBe(first.sha);
    const written = h.sandbox.requestLog
      .writes()
      .slice(before)
      .map((entry) => entry.operationId);
    expect(written).not.toContain("git/create-commit");
    expect(written.filter((operationId) => operationId?.startsWith("git/") && operationId.endsWith("-ref"))).toEqual([]);
  });

  it("moves the branch to a new commit on top of its head when the changes differ", async () => {
    const first = await commitTask();

    const second = await github.commitOnBranch({
      expectedHead: first.sha,
      branch: "foreman/7/add-sub",
      baseSha: first.base,
      message: plain("Add sub"),
      changes: changes.slice(0, 1),
    });

    const { data } = await h.octokit.rest.git.getRef({ owner, repo, ref: "heads/foreman/7/add-sub" });
    expect(second.sha).not.toBe(first.sha);
    expect(data.object.sha).toBe(second.sha);
    const { data: commit } = await h.octokit.rest.git.getCommit({ owner, repo, commit_sha: second.sha });
    expect(commit.parents.map((parent) => parent.sha)).toEqual([first.sha]);
  });

  it("returns the same open pull request when asked twice", async () => {
    await commitTask();
    const input = { head: "foreman/7/add-sub", base: "main", title: "[#7] Add sub", body: "Part of #7." };

    const first = await github.ensurePullRequest(input);
    const second = await github.ensurePullRequest(input);

    expect(second).toEqual(first);
    expect(first).toMatchObject({ headRef: "foreman/7/add-sub", baseRef: "main", state: "open", merged: false, body: "Part of #7." });
    expect(h.sandbox.requestLog.count({ operationId: "pulls/create" })).toBe(1);
  });

  it("updates one comment when the same key is upserted twice", async () => {
    const { data: issue } = await h.octokit.rest.issues.create({ owner, repo, title: "Add subtraction" });

    const first = await github.upsertComment({ issue: issue.number, key: "status", body: "Planning." });
    const second = await github.upsertComment({ issue: issue.number, key: "status", body: "Executing." });

    const { data: comments } = await h.octokit.rest.issues.listComments({ owner, repo, issue_number: issue.number });
    expect(second.id).toBe(first.id);
    expect(comments.map((comment) => comment.body)).toEqual(["Executing.\n\n<!-- foreman:comment status -->"]);
  });

  it("keeps comments with different keys apart", async () => {
    const { data: issue } = await h.octokit.rest.issues.create({ owner, repo, title: "Add subtraction" });

    const status = await github.upsertComment({ issue: issue.number, key: "status", body: "Planning." });
    const failure = await github.upsertComment({ issue: issue.number, key: "failure", body: "It failed." });

    expect(failure.id).not.toBe(status.id);
  });

  it("reads several files, missing ones as null, in one GraphQL request", async () => {
    const before = h.sandbox.requestLog.count();

    const files = await github.readFiles("main", ["README.md", "src/add.js", "src/missing.js"]);

    expect(files).toEqual({ "README.md": "# calculator\n", "src/add.js": "export const add = (a, b) => a + b;\n", "src/missing.js": null });
    expect(apiCallsSince(before)).toEqual(["graphql"]);
  });

  it("reads no files without a request", async () => {
    const before = h.sandbox.requestLog.count();

    expect(await github.readFiles("main", [])).toEqual({});
    expect(apiCallsSince(before)).toEqual([]);
  });

  it("reads a commit's statuses (CI outside GitHub Actions) as checks beside its check runs: the latest per context", async () => {
    const { sha } = await commitTask();
    // External CI posts as a user with write access (a bot account's token).
    h.sandbox.setPermission(h.repo, "jenkins-bot", "write");
    const ci = h.userOctokit("jenkins-bot");
    const jenkins = { owner, repo, sha, context: "ci/jenkins" };
    await ci.rest.repos.createCommitStatus({ ...jenkins, state: "pending", description: "Build queued" });
    await ci.rest.repos.createCommitStatus({ ...jenkins, state: "error", description: "Build broke" });
    await ci.rest.repos.createCommitStatus({ owner, repo, sha, context: "lint", state: "pending" });

    const statuses = (await github.checksFor(sha)).filter((check) => check.name === "ci/jenkins" || check.name === "lint");

    expect(statuses).toEqual(
      expect.arrayContaining([
        { name: "ci/jenkins", appSlug: "", status: "completed", conclusion: "failure", title: "Build broke", summary: null },
        { name: "lint", appSlug: "", status: "in_progress", conclusion: null, title: null, summary: null },
      ]),
    );
    expect(statuses).toHaveLength(2);
  });

  it("updates the same check run when ensured twice with the same external id", async () => {
    const { sha } = await commitTask();
    const input: CheckRunInput = {
      sha,
      name: "Foreman",
      externalId: "acme/calculator#7/add-sub",
      status: "in_progress",
      title: "Waiting for CI",
      summary: md("CI runs."),
    };

    const first = await github.ensureCheckRun(input);
    const second = await github.ensureCheckRun({
      ...input,
      status: "completed",
      conclusion: "success",
      title: "Approved",
      summary: md("Approved by @maya."),
    });

    expect(second.id).toBe(first.id);
    const runs = (await github.checksFor(sha)).filter((run) => run.name === "Foreman");
    expect(runs).toEqual([
      expect.objectContaining({ status: "completed", conclusion: "success", title: "Approved", summary: "Approved by @maya." }),
    ]);
  });

  it("creates a separate check run for another external id", async () => {
    const { sha } = await commitTask();
    const input: CheckRunInput = { sha, name: "Foreman", externalId: "task-a", status: "in_progress", title: "t", summary: md("s") };

    const first = await github.ensureCheckRun(input);
    const second = await github.ensureCheckRun({ ...input, externalId: "task-b" });

    expect(second.id).not.toBe(first.id);
  });

  it.each(["read", "triage", "write", "maintain", "admin"] as const)("reads a collaborator's %s permission", async (permission) => {
    h.sandbox.setPermission(h.repo, "maya", permission);

    expect(await github.permissionOf("maya")).toBe(permission);
  });

  it("reads read for a user who is not a collaborator of a public repository", async () => {
    h.sandbox.userToken("stranger"); // the account exists, with no grant on the repository

    expect(await github.permissionOf("stranger")).toBe("read");
  });

  it("fails with not_found for a login that is no user", async () => {
    await expect(github.permissionOf("nobody-at-all")).rejects.toMatchObject({ status: 404, kind: "not_found" });
  });

  it("throws a classified GitHubCallError for a pull request that does not exist", async () => {
    const error = await github.getPullRequest(999).then(
      () => null,
      (failure: unknown) => failure,
    );

    expect(error).toBeInstanceOf(GitHubCallError);
    expect(error).toMatchObject({ status: 404, kind: "not_found", retryable: false });
  });
});
