import { afterEach, describe, expect, it } from "vitest";
import { RequestError } from "@octokit/request-error";
import { startHarness, type Harness } from "./harness.ts";

/**
 * The sandbox end to end, driven with Octokit exactly as the app drives GitHub: a commit of three
 * files through trees, a pull request whose CI really runs, a stale merge refused, a body GitHub
 * would reject refused, and signed webhooks that verify.
 */
const owner = "acme";
const repo = "calculator";
const FILES = {
  "package.json": '{"type":"module"}',
  "add.js": "export const add = (a, b) => a + b;\n",
  "add.test.js":
    "import { test } from 'node:test';\nimport assert from 'node:assert';\nimport { add } from './add.js';\ntest('adds', () => assert.equal(add(1, 2), 3));\n",
};
const CI = [{ name: "test", run: "node --test", timeoutSeconds: 60 }];

let h: Harness;

afterEach(async () => {
  await h.stop();
});

async function commitThreeFiles(branch: string, addSource: string): Promise<string> {
  const { data: main } = await h.octokit.rest.git.getRef({ owner, repo, ref: "heads/main" });
  const { data: base } = await h.octokit.rest.git.getCommit({ owner, repo, commit_sha: main.object.sha });
  const { data: tree } = await h.octokit.rest.git.createTree({
    owner,
    repo,
    base_tree: base.tree.sha,
    tree: [
      { path: "add.js", mode: "100644", type: "blob", content: addSource },
      { path: "sub.js", mode: "100644", type: "blob", content: "export const sub = (a, b) => a - b;\n" },
      { path: "docs/math.md", mode: "100644", type: "blob", content: "# add and sub\n" },
    ],
  });
  const { data: commit } = await h.octokit.rest.git.createCommit({
    owner,
    repo,
    message: "Three files",
    tree: tree.sha,
    parents: [base.sha],
  });
  await h.octokit.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha: commit.sha });
  return commit.sha;
}

function ciConclusion(sha: string): string | null | undefined {
  const runs = h.sandbox.store.checkRunsFor(h.repo.id, sha).filter((run) => run.name === "test");
  return runs.at(-1)?.conclusion;
}

describe("the sandbox, driven like GitHub", () => {
  it("commits three files in three writes and runs the repository's real tests on the pull request", async () => {
    h = await startHarness({ files: FILES, ci: CI });
    const writesBefore = h.sandbox.requestLog.writes().length;

    const sha = await commitThreeFiles("feature", "export const add = (a, b) => a + b;\n");
    const writes = h.sandbox.requestLog
      .writes()
      .slice(writesBefore)
      .map((entry) => entry.operationId);
    await h.octokit.rest.pulls.create({ owner, repo, head: "feature", base: "main", title: "Add sub" });
    await h.sandbox.settle();

    expect(writes).toEqual(["git/create-tree", "git/create-commit", "git/create-ref"]);
    expect((await h.octokit.rest.repos.getContent({ owner, repo, path: "docs/math.md", ref: "feature" })).status).toBe(200);
    expect(ciConclusion(sha)).toBe("success");
    expect(h.receiver.named("check_suite", "completed").length).toBeGreaterThan(0);
  });

  it("fails the check when the repository's tests fail, with an annotation", async () => {
    h = await startHarness({ files: FILES, ci: CI });

    const sha = await commitThreeFiles("broken", "export const add = (a, b) => a - b;\n");
    await h.octokit.rest.pulls.create({ owner, repo, head: "broken", base: "main", title: "Break add" });
    await h.sandbox.settle();
    const run = h.sandbox.store.checkRunsFor(h.repo.id, sha).find((candidate) => candidate.name === "test");

    expect(run?.conclusion).toBe("failure");
    expect(run?.output.annotations.length).toBeGreaterThan(0);
  });

  it("refuses a merge with a stale sha with GitHub's 409", async () => {
    h = await startHarness({ files: FILES, ci: CI });
    await commitThreeFiles("feature", "export const add = (a, b) => a + b;\n");
    const { data: pull } = await h.octokit.rest.pulls.create({ owner, repo, head: "feature", base: "main", title: "Add sub" });

    const error = await h.octokit.rest.pulls
      .merge({ owner, repo, pull_number: pull.number, sha: "0".repeat(40) })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(RequestError);
    expect((error as RequestError).status).toBe(409);
    expect((error as RequestError).message).toContain("Head branch was modified");
  });

  it("rejects a body GitHub would reject and counts the call", async () => {
    h = await startHarness({ files: FILES });

    const error = await h.octokit
      .request({ method: "POST", url: "/repos/{owner}/{repo}/pulls", owner, repo, base: "main", title: "no head" })
      .catch((caught: unknown) => caught);

    expect((error as RequestError).status).toBe(422);
    expect(h.sandbox.requestLog.rejected().map((entry) => entry.operationId)).toEqual(["pulls/create"]);
  });

  it("signs every webhook so that @octokit/webhooks verifies it", async () => {
    h = await startHarness({ files: FILES });

    await h.userOctokit("acme").rest.issues.create({ owner, repo, title: "Hello" });
    await h.sandbox.settle();

    expect(h.receiver.received.length).toBeGreaterThan(0);
    expect(h.receiver.received.every((hook) => hook.verified)).toBe(true);
    expect(h.sandbox.webhooks.invalid()).toEqual([]);
  });
});
