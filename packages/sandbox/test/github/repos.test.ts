import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadOpenApiIndex, validateResponse, type OpenApiIndex } from "../../src/github/fidelity/rest.ts";
import { startHarness, type Harness, expectFaithfulRun, requestFailure } from "./harness.ts";

const owner = "acme";
const repo = "calculator";
const AUTHOR = { name: "Maya", email: "maya@example.com" };

let h: Harness;
let openApi: OpenApiIndex;

beforeAll(() => {
  openApi = loadOpenApiIndex();
});

afterEach(async () => {
  await h.stop();
});

/** Arranges a commit on `branch` (created from main when missing) straight in the git store. */
async function commitOn(branch: string, files: Record<string, string>): Promise<string> {
  const git = h.repo.git;
  if ((await git.getRef(`heads/${branch}`)) === null) {
    const main = await git.getRef("heads/main");
    if (main === null) throw new Error("main is missing");
    await git.createRef(`refs/heads/${branch}`, main);
  }
  return git.seed(files, { branch, message: `Change ${branch}`, author: AUTHOR });
}

describe("sandbox repository endpoints", () => {
  it("returns a file as a base64 content object with its blob sha and links", async () => {
    h = await startHarness();

    const response = await h.octokit.rest.repos.getContent({ owner, repo, path: "src/add.js" });

    const file = response.data as Record<string, unknown>;
    expect(file).toMatchObject({ type: "file", encoding: "base64", path: "src/add.js", name: "add.js", size: 36 });
    expect(Buffer.from(String(file.content), "base64").toString("utf8")).toBe("export const add = (a, b) => a + b;\n");
    expect(file._links).toMatchObject({ self: expect.stringContaining("/contents/src/add.js?ref=main") as unknown });
    expect(validateResponse(openApi, "repos/get-content", 200, file)).toEqual([]);
    await expectFaithfulRun(h);
  });

  it("lists a directory as an array and reads another branch with ref", async () => {
    h = await startHarness();
    await commitOn("feature", { "src/sub.js": "export const sub = (a, b) => a - b;\n", "src/ops/mul.js": "export const mul = 1;\n" });

    const onMain = await h.octokit.rest.repos.getContent({ owner, repo, path: "src" });
    const onFeature = await h.octokit.rest.repos.getContent({ owner, repo, path: "src", ref: "feature" });
    const missing = await requestFailure(h.octokit.rest.repos.getContent({ owner, repo, path: "src/sub.js" }));

    const names = (data: unknown): string[] => (data as Array<{ name: string; type: string }>).map((item) => `${item.type} ${item.name}`);
    expect(names(onMain.data)).toEqual(["file add.js"]);
    expect(names(onFeature.data)).toEqual(["file add.js", "dir ops", "file sub.js"]);
    expect(missing).toMatchObject({ status: 404, message: "Not Found" });
    expect(validateResponse(openApi, "repos/get-content", 200, onFeature.data)).toEqual([]);
    await expectFaithfulRun(h);
  });

  it("compares diverged branches with ahead_by, behind_by and the merge base", async () => {
    h = await startHarness();
    const base = await h.repo.git.getRef("heads/main");
    const featureSha = await commitOn("feature", { "src/sub.js": "export const sub = (a, b) => a - b;\n" });
    await commitOn("main", { "docs/notes.md": "notes\n" });

    const compared = await h.octokit.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: "main...feature" });

    expect(compared.data).toMatchObject({ status: "diverged", ahead_by: 1, behind_by: 1, total_commits: 1 });
    expect(compared.data.merge_base_commit.sha).toBe(base);
    expect(compared.data.commits.map((commit) => commit.sha)).toEqual([featureSha]);
    expect(compared.data.files?.map((file) => file.filename)).toEqual(["src/sub.js"]);
    await expectFaithfulRun(h);
  });

  it("answers 409 Merge conflict when merging branches that change the same line", async () => {
    h = await startHarness();
    await commitOn("feature", { "README.md": "# calculator, feature\n" });
    await commitOn("main", { "README.md": "# calculator, main\n" });

    const failure = await requestFailure(h.octokit.rest.repos.merge({ owner, repo, base: "main", head: "feature" }));

    expect(failure).toMatchObject({ status: 409, message: "Merge conflict" });
    await expectFaithfulRun(h);
  });

  it("merges a branch with 201 and a push, then answers 204 when there is nothing left to merge", async () => {
    h = await startHarness();
    const featureSha = await commitOn("feature", { "src/sub.js": "export const sub = (a, b) => a - b;\n" });
    await commitOn("main", { "docs/notes.md": "notes\n" });

    const merged = await h.octokit.rest.repos.merge({ owner, repo, base: "main", head: "feature" });
    const again = await h.octokit.rest.repos.merge({ owner, repo, base: "main", head: "feature" });
    await h.sandbox.settle();

    expect(merged.status).toBe(201);
    expect(merged.data.parents.map((parent) => parent.sha)).toContain(featureSha);
    expect(merged.data.commit.message).toBe("Merge feature into main");
    expect(validateResponse(openApi, "repos/merge", 201, merged.data)).toEqual([]);
    expect(again.status).toBe(204);
    expect(h.receiver.named("push").map((hook) => hook.payload.after)).toEqual([merged.data.sha]);
    await expectFaithfulRun(h);
  });

  it("reports admin for the owner, the granted role for a collaborator and 404 for an unknown user", async () => {
    h = await startHarness();
    h.sandbox.setPermission(h.repo, "maya", "triage");

    const ownerLevel = await h.octokit.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username: "acme" });
    const maya = await h.octokit.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username: "maya" });
    const nobody = await requestFailure(h.octokit.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username: "nobody" }));

    expect(ownerLevel.data).toMatchObject({ permission: "admin", role_name: "admin", user: { login: "acme" } });
    expect(maya.data).toMatchObject({ permission: "read", role_name: "triage", user: { permissions: { triage: true, push: false } } });
    expect(nobody).toMatchObject({ status: 404, message: "nobody is not a user" });
    expect(validateResponse(openApi, "repos/get-collaborator-permission-level", 200, maya.data)).toEqual([]);
    await expectFaithfulRun(h);
  });

  it("answers repository, branch and commit reads in GitHub's documented shapes", async () => {
    h = await startHarness();
    const sha = await commitOn("feature", { "src/sub.js": "export const sub = (a, b) => a - b;\n" });

    const repository = await h.octokit.rest.repos.get({ owner, repo });
    const branch = await h.octokit.rest.repos.getBranch({ owner, repo, branch: "feature" });
    const branches = await h.octokit.rest.repos.listBranches({ owner, repo });
    const commit = await h.octokit.rest.repos.getCommit({ owner, repo, ref: "feature" });
    const noBranch = await requestFailure(h.octokit.rest.repos.getBranch({ owner, repo, branch: "nope" }));

    expect(repository.data).toMatchObject({ full_name: "acme/calculator", default_branch: "main" });
    expect(branch.data).toMatchObject({ name: "feature", commit: { sha }, protected: false });
    expect(branches.data.map((item) => item.name)).toEqual(["feature", "main"]);
    expect(commit.data).toMatchObject({ sha, stats: { additions: 1, deletions: 0 }, files: [{ filename: "src/sub.js", status: "added" }] });
    expect(noBranch).toMatchObject({ status: 404, message: "Branch not found" });
    for (const [operation, body] of [
      ["repos/get", repository.data],
      ["repos/get-branch", branch.data],
      ["repos/list-branches", branches.data],
      ["repos/get-commit", commit.data],
    ] as const) {
      expect(validateResponse(openApi, operation, 200, body)).toEqual([]);
    }
    await expectFaithfulRun(h);
  });

  it("hides a private repository from a user who is not a collaborator", async () => {
    h = await startHarness({ private: true });
    h.sandbox.setPermission(h.repo, "maya", "read");

    const outsider = await requestFailure(h.userOctokit("mallory").rest.repos.get({ owner, repo }));
    const reader = await h.userOctokit("maya").rest.repos.get({ owner, repo });

    expect(outsider).toMatchObject({ status: 404, message: "Not Found" });
    expect(reader.data).toMatchObject({ private: true, permissions: { pull: true, push: false } });
    await expectFaithfulRun(h);
  });
});
