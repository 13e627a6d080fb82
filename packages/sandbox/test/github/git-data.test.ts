import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadOpenApiIndex, validateResponse, type OpenApiIndex } from "../../src/github/fidelity/rest.ts";
import { validateWebhookPayload } from "../../src/github/fidelity/webhooks.ts";
import { startHarness, type Harness, expectFaithfulRun, requestFailure } from "./harness.ts";

const owner = "acme";
const repo = "calculator";
const MUL = "export const mul = (a, b) => a * b;\n";
const SUB = "export const sub = (a, b) => a - b;\n";

let h: Harness;
let openApi: OpenApiIndex;

beforeAll(() => {
  openApi = loadOpenApiIndex();
});

afterEach(async () => {
  await h.stop();
});

type Client = Harness["octokit"];

async function mainSha(): Promise<string> {
  return (await h.octokit.rest.git.getRef({ owner, repo, ref: "heads/main" })).data.object.sha;
}

/**
 * A user with push access. The installation's Octokit spaces writes a second apart (as the
 * product's does), so tests that only arrange state write as this user.
 */
function writer(): Client {
  h.sandbox.setPermission(h.repo, "maya", "write");
  return h.userOctokit("maya");
}

/**
 * One commit of three changes made the way the product makes commits: a tree on top of the
 * parent's tree (inline content, a nested path, a deletion), a commit, a ref update.
 */
async function commitThreeChanges(client: Client = writer()): Promise<{ before: string; after: string; writes: number }> {
  const git = client.rest.git;
  const before = await mainSha();
  const parent = await git.getCommit({ owner, repo, commit_sha: before });
  const writesBefore = h.sandbox.requestLog.writes().length;
  const tree = await git.createTree({
    owner,
    repo,
    base_tree: parent.data.tree.sha,
    tree: [
      { path: "src/sub.js", mode: "100644", type: "blob", content: SUB },
      { path: "src/ops/deep/mul.js", mode: "100644", type: "blob", content: MUL },
      { path: "README.md", mode: "100644", type: "blob", sha: null },
    ],
  });
  const commit = await git.createCommit({
    owner,
    repo,
    message: "Add sub and mul, drop the README",
    tree: tree.data.sha,
    parents: [before],
  });
  await git.updateRef({ owner, repo, ref: "heads/main", sha: commit.data.sha });
  return { before, after: commit.data.sha, writes: h.sandbox.requestLog.writes().length - writesBefore };
}

async function readText(path: string, ref = "main"): Promise<string> {
  const response = await h.octokit.rest.repos.getContent({ owner, repo, path, ref });
  const data = response.data as { content: string };
  return Buffer.from(data.content, "base64").toString("utf8");
}

describe("sandbox Git Data API", () => {
  it("commits a tree with base_tree, inline content, a nested path and a deletion, readable through contents", async () => {
    h = await startHarness();

    await commitThreeChanges();

    expect(await readText("src/sub.js")).toBe(SUB);
    expect(await readText("src/ops/deep/mul.js")).toBe(MUL);
    expect(await readText("src/add.js")).toBe("export const add = (a, b) => a + b;\n");
    expect((await requestFailure(h.octokit.rest.repos.getContent({ owner, repo, path: "README.md" }))).status).toBe(404);
    await expectFaithfulRun(h);
  });

  it("shows the three-change commit in a comparison against the old tip", async () => {
    h = await startHarness();
    const { before, after } = await commitThreeChanges();

    const compared = await h.octokit.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: `${before}...main` });

    expect(compared.data).toMatchObject({ status: "ahead", ahead_by: 1, behind_by: 0, total_commits: 1 });
    expect(compared.data.commits.map((commit) => commit.sha)).toEqual([after]);
    const files = Object.fromEntries((compared.data.files ?? []).map((file) => [file.filename, file.status]));
    expect(files).toEqual({ "README.md": "removed", "src/sub.js": "added", "src/ops/deep/mul.js": "added" });
    expect(validateResponse(openApi, "repos/compare-commits-with-basehead", 200, compared.data)).toEqual([]);
    await expectFaithfulRun(h);
  });

  it("needs exactly three write calls for a multi-file commit", async () => {
    h = await startHarness();

    const { writes } = await commitThreeChanges(h.octokit);

    expect(writes).toBe(3);
    const operations = h.sandbox.requestLog.writes().map((entry) => entry.operationId);
    expect(operations).toEqual(["git/create-tree", "git/create-commit", "git/update-ref"]);
    await expectFaithfulRun(h);
  });

  it("sends a push webhook for the ref update that validates against GitHub's schema", async () => {
    h = await startHarness();
    h.repo.pushedAt = "2000-01-01T00:00:00Z";
    const { before, after } = await commitThreeChanges(h.octokit);
    await h.sandbox.settle();

    const pushes = h.receiver.named("push");

    expect(pushes).toHaveLength(1);
    const payload = pushes[0]?.payload ?? {};
    expect(payload).toMatchObject({ ref: "refs/heads/main", before, after, created: false, deleted: false, forced: false });
    expect(payload.head_commit).toMatchObject({ id: after, added: ["src/ops/deep/mul.js", "src/sub.js"], removed: ["README.md"] });
    expect(payload.pusher).toMatchObject({ name: `${h.app.slug}[bot]` });
    expect(validateWebhookPayload("push", payload)).toEqual([]);
    expect(h.repo.pushedAt).not.toBe("2000-01-01T00:00:00Z");
    await expectFaithfulRun(h);
  });

  it("refuses a non-fast-forward ref update with 422 and accepts it with force", async () => {
    h = await startHarness();
    const { before, after } = await commitThreeChanges();

    const refused = await requestFailure(writer().rest.git.updateRef({ owner, repo, ref: "heads/main", sha: before }));
    expect(refused).toMatchObject({ status: 422, message: "Update is not a fast forward" });
    expect(await mainSha()).toBe(after);

    const forced = await writer().rest.git.updateRef({ owner, repo, ref: "heads/main", sha: before, force: true });
    expect(forced.data.object.sha).toBe(before);
    expect(await mainSha()).toBe(before);
    await h.sandbox.settle();
    expect(h.receiver.named("push").at(-1)?.payload).toMatchObject({ before: after, after: before, forced: true, commits: [] });
    await expectFaithfulRun(h);
  });

  it("answers 422 Reference already exists when the same ref is created twice", async () => {
    h = await startHarness();
    const sha = await mainSha();

    const created = await h.octokit.rest.git.createRef({ owner, repo, ref: "refs/heads/feature", sha });
    const again = await requestFailure(h.octokit.rest.git.createRef({ owner, repo, ref: "refs/heads/feature", sha }));

    expect(created.status).toBe(201);
    expect(validateResponse(openApi, "git/create-ref", 201, created.data)).toEqual([]);
    expect(again).toMatchObject({ status: 422, message: "Reference already exists" });
    await expectFaithfulRun(h);
  });

  it("sends a push with created true for a new branch and deleted true when it is deleted", async () => {
    h = await startHarness();
    const sha = await mainSha();
    const client = writer();
    await client.rest.git.createRef({ owner, repo, ref: "refs/heads/feature", sha });

    const deleted = await client.rest.git.deleteRef({ owner, repo, ref: "heads/feature" });
    const again = await requestFailure(client.rest.git.deleteRef({ owner, repo, ref: "heads/feature" }));
    await h.sandbox.settle();

    expect(deleted.status).toBe(204);
    expect(again).toMatchObject({ status: 422, message: "Reference does not exist" });
    const pushes = h.receiver.named("push").map((hook) => hook.payload);
    expect(pushes).toMatchObject([
      { ref: "refs/heads/feature", created: true, deleted: false, after: sha },
      { ref: "refs/heads/feature", created: false, deleted: true, before: sha, head_commit: null },
    ]);
    await expectFaithfulRun(h);
  });

  it("moves an open pull request's head with pull_request.synchronize when its branch is updated", async () => {
    h = await startHarness();
    const client = writer();
    const git = client.rest.git;
    const base = await mainSha();
    await git.createRef({ owner, repo, ref: "refs/heads/feature", sha: base });
    const first = await git.createCommit({
      owner,
      repo,
      message: "first",
      tree: (await git.getCommit({ owner, repo, commit_sha: base })).data.tree.sha,
      parents: [base],
    });
    await git.updateRef({ owner, repo, ref: "heads/feature", sha: first.data.sha });
    const pull = await client.rest.pulls.create({ owner, repo, head: "feature", base: "main", title: "Feature" });
    const second = await git.createCommit({ owner, repo, message: "second", tree: first.data.tree.sha, parents: [first.data.sha] });

    await git.updateRef({ owner, repo, ref: "heads/feature", sha: second.data.sha });
    await h.sandbox.settle();

    const synchronized = h.receiver.named("pull_request", "synchronize");
    expect(synchronized).toHaveLength(1);
    expect(synchronized[0]?.payload).toMatchObject({ number: pull.data.number, before: first.data.sha, after: second.data.sha });
    expect(h.sandbox.store.pull(h.repo.id, pull.data.number)?.headSha).toBe(second.data.sha);
    await expectFaithfulRun(h);
  });

  it("rejects a tree whose base_tree does not exist", async () => {
    h = await startHarness();

    const failure = await requestFailure(
      h.octokit.rest.git.createTree({
        owner,
        repo,
        base_tree: "0123456789abcdef0123456789abcdef01234567",
        tree: [{ path: "a.txt", mode: "100644", type: "blob", content: "a" }],
      }),
    );

    expect(failure).toMatchObject({ status: 422, message: "base_tree is not a valid tree oid" });
    await expectFaithfulRun(h);
  });

  it("rejects a commit whose tree does not exist", async () => {
    h = await startHarness();

    const failure = await requestFailure(
      h.octokit.rest.git.createCommit({ owner, repo, message: "x", tree: "0123456789abcdef0123456789abcdef01234567", parents: [] }),
    );

    expect(failure).toMatchObject({ status: 422, message: "Tree SHA does not exist" });
    await expectFaithfulRun(h);
  });

  it("round-trips a blob and lists a tree recursively", async () => {
    h = await startHarness();
    const blob = await h.octokit.rest.git.createBlob({
      owner,
      repo,
      content: Buffer.from("hello\n").toString("base64"),
      encoding: "base64",
    });

    const read = await h.octokit.rest.git.getBlob({ owner, repo, file_sha: blob.data.sha });
    const tree = await h.octokit.rest.git.getTree({ owner, repo, tree_sha: "main", recursive: "true" });

    expect(Buffer.from(read.data.content, "base64").toString("utf8")).toBe("hello\n");
    expect(read.data).toMatchObject({ size: 6, encoding: "base64" });
    expect(tree.data.tree.map((item) => `${item.type} ${item.path}`)).toEqual(["blob README.md", "tree src", "blob src/add.js"]);
    expect(validateResponse(openApi, "git/get-blob", 200, read.data)).toEqual([]);
    expect(validateResponse(openApi, "git/get-tree", 200, tree.data)).toEqual([]);
    await expectFaithfulRun(h);
  });

  it("answers Git Data reads in GitHub's documented shapes", async () => {
    h = await startHarness();
    const sha = await mainSha();

    const ref = await h.octokit.rest.git.getRef({ owner, repo, ref: "heads/main" });
    const matching = await h.octokit.rest.git.listMatchingRefs({ owner, repo, ref: "heads/ma" });
    const commit = await h.octokit.rest.git.getCommit({ owner, repo, commit_sha: sha });
    const missing = await requestFailure(h.octokit.rest.git.getRef({ owner, repo, ref: "heads/nope" }));

    expect(validateResponse(openApi, "git/get-ref", 200, ref.data)).toEqual([]);
    expect(matching.data.map((item) => item.ref)).toEqual(["refs/heads/main"]);
    expect(validateResponse(openApi, "git/list-matching-refs", 200, matching.data)).toEqual([]);
    expect(commit.data).toMatchObject({ sha, message: "Initial commit", parents: [] });
    expect(validateResponse(openApi, "git/get-commit", 200, commit.data)).toEqual([]);
    expect(missing.status).toBe(404);
    await expectFaithfulRun(h);
  });
});
