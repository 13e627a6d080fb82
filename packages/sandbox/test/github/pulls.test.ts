import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadOpenApiIndex, validateResponse, type OpenApiIndex } from "../../src/github/fidelity/rest.ts";
import { startHarness, type Harness, expectFaithfulRun, requestFailure } from "./harness.ts";

const owner = "acme";
const repo = "calculator";

let h: Harness;
/** A collaborator with write access; the installation's Octokit is kept for what the app itself does. */
let maya: Harness["octokit"];
let openApi: OpenApiIndex;

beforeAll(() => {
  openApi = loadOpenApiIndex();
});

async function start(options: Parameters<typeof startHarness>[0] = {}): Promise<void> {
  h = await startHarness(options);
  h.sandbox.setPermission(h.repo, "maya", "write");
  maya = h.userOctokit("maya");
}

afterEach(async () => {
  await h.stop();
});

/** Commits `files` on `branch` through the Git Data API, creating the branch from `from` if needed. */
async function commitFiles(branch: string, files: Record<string, string>, from = "main"): Promise<string> {
  const git = maya.rest.git;
  const existing = await git.getRef({ owner, repo, ref: `heads/${branch}` }).catch(() => null);
  const parent = existing?.data.object.sha ?? (await git.getRef({ owner, repo, ref: `heads/${from}` })).data.object.sha;
  const parentCommit = await git.getCommit({ owner, repo, commit_sha: parent });
  const entries = Object.entries(files).map(([path, content]) => ({ path, mode: "100644" as const, type: "blob" as const, content }));
  const tree = await git.createTree({ owner, repo, base_tree: parentCommit.data.tree.sha, tree: entries });
  const commit = await git.createCommit({ owner, repo, message: `change ${branch}`, tree: tree.data.sha, parents: [parent] });
  if (existing) await git.updateRef({ owner, repo, ref: `heads/${branch}`, sha: commit.data.sha });
  else await git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha: commit.data.sha });
  return commit.data.sha;
}

async function openPull(
  branch: string,
  files: Record<string, string> = { "src/sub.js": "export const sub = (a, b) => a - b;\n" },
): Promise<number> {
  await commitFiles(branch, files);
  const created = await maya.rest.pulls.create({ owner, repo, head: branch, base: "main", title: `Add ${branch}`, body: "Adds it." });
  return created.data.number;
}

describe("sandbox pull requests", () => {
  it("opens a pull request from a branch made with the Git Data API and sends a valid pull_request.opened", async () => {
    await start();
    const headSha = await commitFiles("feature", { "src/sub.js": "export const sub = (a, b) => a - b;\n" });

    const created = await h.octokit.rest.pulls.create({ owner, repo, head: "feature", base: "main", title: "Add sub", body: "Adds sub." });
    await h.sandbox.settle();

    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({
      number: 1,
      state: "open",
      title: "Add sub",
      head: { ref: "feature", sha: headSha },
      base: { ref: "main" },
    });
    expect(created.data).toMatchObject({
      commits: 1,
      additions: 1,
      deletions: 0,
      changed_files: 1,
      mergeable: true,
      mergeable_state: "clean",
    });
    expect(validateResponse(openApi, "pulls/create", 201, created.data)).toEqual([]);
    const opened = h.receiver.named("pull_request", "opened");
    expect(opened).toHaveLength(1);
    expect(opened[0]?.payload).toMatchObject({ number: 1, pull_request: { head: { sha: headSha }, merged: false } });
    const issue = await maya.rest.issues.get({ owner, repo, issue_number: 1 });
    expect(issue.data.pull_request?.url).toContain("/pulls/1");
    await expectFaithfulRun(h);
  });

  it("refuses a second open pull request for the same head with GitHub's message", async () => {
    await start();
    await openPull("feature");

    const failure = await requestFailure(maya.rest.pulls.create({ owner, repo, head: "feature", base: "main", title: "Again" }));

    expect(failure.status).toBe(422);
    expect(failure.data).toMatchObject({
      message: "Validation Failed",
      errors: [{ resource: "PullRequest", code: "custom", message: "A pull request already exists for acme:feature." }],
    });
    await expectFaithfulRun(h);
  });

  it("refuses a pull request whose head has no commits beyond the base", async () => {
    await start();
    const main = await maya.rest.git.getRef({ owner, repo, ref: "heads/main" });
    await maya.rest.git.createRef({ owner, repo, ref: "refs/heads/empty", sha: main.data.object.sha });

    const failure = await requestFailure(maya.rest.pulls.create({ owner, repo, head: "empty", base: "main", title: "Nothing" }));

    expect(failure.status).toBe(422);
    expect(failure.data).toMatchObject({ errors: [{ code: "custom", message: "No commits between main and empty" }] });
    await expectFaithfulRun(h);
  });

  it("answers 409 when merging with a stale head sha", async () => {
    await start();
    const number = await openPull("feature");
    const main = await maya.rest.git.getRef({ owner, repo, ref: "heads/main" });

    const failure = await requestFailure(maya.rest.pulls.merge({ owner, repo, pull_number: number, sha: main.data.object.sha }));

    expect(failure.status).toBe(409);
    expect(failure.data.message).toBe("Head branch was modified. Review and try the merge again.");
    await expectFaithfulRun(h);
  });

  it("merges with a merge commit, moves the base and sends pull_request.closed with merged: true", async () => {
    await start();
    const number = await openPull("feature");
    const before = (await maya.rest.pulls.get({ owner, repo, pull_number: number })).data;

    const merged = await h.octokit.rest.pulls.merge({ owner, repo, pull_number: number, sha: before.head.sha });
    await h.sandbox.settle();

    expect(merged.data).toEqual({ sha: merged.data.sha, merged: true, message: "Pull Request successfully merged" });
    const main = await maya.rest.git.getRef({ owner, repo, ref: "heads/main" });
    expect(main.data.object.sha).toBe(merged.data.sha);
    const commit = await maya.rest.git.getCommit({ owner, repo, commit_sha: merged.data.sha });
    expect(commit.data.parents.map((parent) => parent.sha)).toEqual([before.base.sha, before.head.sha]);
    const after = (await maya.rest.pulls.get({ owner, repo, pull_number: number })).data;
    expect(after).toMatchObject({ state: "closed", merged: true, merge_commit_sha: merged.data.sha, commits: 1 });
    expect(validateResponse(openApi, "pulls/get", 200, after)).toEqual([]);
    const closed = h.receiver.named("pull_request", "closed");
    expect(closed.map((hook) => hook.payload.pull_request)).toMatchObject([{ merged: true, merge_commit_sha: merged.data.sha }]);
    expect(h.receiver.named("push").map((hook) => hook.payload.after)).toContain(merged.data.sha);
    await expectFaithfulRun(h);
  });

  it("merges atomically: a push at the same moment is either refused the merge or comes after it, never merged unseen", async () => {
    await start();
    for (const delayMs of [0, 5, 15, 30, 60, 100]) {
      const branch = `race-${delayMs}`;
      const number = await openPull(branch, { [`src/${branch}.js`]: "export const x = 1;\n" });
      const { data: before } = await maya.rest.pulls.get({ owner, repo, pull_number: number });
      const parent = await maya.rest.git.getCommit({ owner, repo, commit_sha: before.head.sha });
      const entries = [
        { path: `test/${branch}.test.js`, mode: "100644" as const, type: "blob" as const, content: "// pushed while merging\n" },
      ];
      const tree = await maya.rest.git.createTree({ owner, repo, base_tree: parent.data.tree.sha, tree: entries });
      const commit = await maya.rest.git.createCommit({ owner, repo, message: "push", tree: tree.data.sha, parents: [before.head.sha] });

      const [merge] = await Promise.allSettled([
        h.octokit.rest.pulls.merge({ owner, repo, pull_number: number, sha: before.head.sha, merge_method: "squash" }),
        new Promise((resolve) => setTimeout(resolve, delayMs)).then(() =>
          maya.rest.git.updateRef({ owner, repo, ref: `heads/${branch}`, sha: commit.data.sha }),
        ),
      ]);
      const { data: after } = await maya.rest.pulls.get({ owner, repo, pull_number: number });
      const main = await maya.rest.repos.getContent({ owner, repo, path: `test/${branch}.test.js`, ref: "main" }).catch(() => null);

      // The pushed file reaches main only through a merge of the head that holds it, which nobody asked for here.
      expect(main, `push after ${delayMs} ms`).toBeNull();
      if (merge.status === "fulfilled") expect(after).toMatchObject({ merged: true, head: { sha: before.head.sha } });
      else expect(after.merged).toBe(false);
    }
  });

  it("squash-merges into a single-parent commit carrying the change", async () => {
    await start();
    const number = await openPull("feature");
    const base = (await maya.rest.git.getRef({ owner, repo, ref: "heads/main" })).data.object.sha;

    const merged = await maya.rest.pulls.merge({ owner, repo, pull_number: number, merge_method: "squash" });
    await h.sandbox.settle();

    const commit = await maya.rest.git.getCommit({ owner, repo, commit_sha: merged.data.sha });
    expect(commit.data.parents.map((parent) => parent.sha)).toEqual([base]);
    expect(commit.data.message).toMatch(/^Add feature \(#1\)/);
    const file = await h.repo.git.readFile("main", "src/sub.js");
    expect(file?.content.toString("utf8")).toBe("export const sub = (a, b) => a - b;\n");
    expect(h.receiver.named("pull_request", "closed")[0]?.payload.pull_request).toMatchObject({ merged: true });
    await expectFaithfulRun(h);
  });

  it("shows a conflicting pull request as not mergeable and refuses to merge it", async () => {
    await start();
    const number = await openPull("feature", { "src/add.js": "export const add = (a, b) => b + a;\n" });
    await commitFiles("main", { "src/add.js": "export const add = (a, b) => a + b + 0;\n" });

    const pull = (await maya.rest.pulls.get({ owner, repo, pull_number: number })).data;
    const failure = await requestFailure(maya.rest.pulls.merge({ owner, repo, pull_number: number }));

    expect(pull).toMatchObject({ mergeable: false, mergeable_state: "dirty" });
    expect(failure.status).toBe(405);
    expect(failure.data.message).toBe("Pull Request is not mergeable");
    await expectFaithfulRun(h);
  });

  it("brings a behind pull request up to date with a two-parent commit and sends synchronize", async () => {
    await start();
    const number = await openPull("feature");
    const baseTip = await commitFiles("main", { "docs/notes.md": "notes\n" });
    const behind = (await maya.rest.pulls.get({ owner, repo, pull_number: number })).data;

    const updated = await maya.rest.pulls.updateBranch({ owner, repo, pull_number: number, expected_head_sha: behind.head.sha });
    await h.sandbox.settle();

    expect(behind.mergeable_state).toBe("behind");
    expect(updated.status).toBe(202);
    expect(updated.data.message).toBe("Updating pull request branch.");
    const after = (await maya.rest.pulls.get({ owner, repo, pull_number: number })).data;
    const head = await maya.rest.git.getCommit({ owner, repo, commit_sha: after.head.sha });
    expect(head.data.parents.map((parent) => parent.sha)).toEqual([behind.head.sha, baseTip]);
    expect(after.mergeable_state).toBe("clean");
    const synchronize = h.receiver.named("pull_request", "synchronize");
    expect(synchronize.map((hook) => [hook.payload.before, hook.payload.after])).toEqual([[behind.head.sha, after.head.sha]]);
    await expectFaithfulRun(h);
  });

  it("refuses update-branch when expected_head_sha is not the head", async () => {
    await start();
    const number = await openPull("feature");
    await commitFiles("main", { "docs/notes.md": "notes\n" });
    const stale = (await maya.rest.git.getRef({ owner, repo, ref: "heads/main" })).data.object.sha;

    const failure = await requestFailure(maya.rest.pulls.updateBranch({ owner, repo, pull_number: number, expected_head_sha: stale }));

    expect(failure.status).toBe(422);
    expect(failure.data.message).toBe("expected head sha didn't match current head ref.");
    await expectFaithfulRun(h);
  });

  it("refuses a direct merge into a merge-queue-protected default branch", async () => {
    await start({ mergeQueue: true });
    const number = await openPull("feature");

    const failure = await requestFailure(maya.rest.pulls.merge({ owner, repo, pull_number: number }));

    expect(failure.status).toBe(405);
    expect(failure.data.message).toBe("Changes must be made through the merge queue");
    await expectFaithfulRun(h);
  });

  it("lists the files and commits of a pull request in GitHub's shapes", async () => {
    await start();
    const number = await openPull("feature", {
      "src/sub.js": "export const sub = (a, b) => a - b;\n",
      "README.md": "# calculator\n\nAdds and subtracts.\n",
    });

    const files = await maya.rest.pulls.listFiles({ owner, repo, pull_number: number });
    const commits = await maya.rest.pulls.listCommits({ owner, repo, pull_number: number });

    expect(files.data.map((file) => [file.filename, file.status, file.additions, file.deletions])).toEqual([
      ["README.md", "modified", 2, 0],
      ["src/sub.js", "added", 1, 0],
    ]);
    expect(files.data[1]?.patch).toBe("@@ -0,0 +1 @@\n+export const sub = (a, b) => a - b;");
    expect(commits.data.map((commit) => commit.commit.message)).toEqual(["change feature"]);
    expect(validateResponse(openApi, "pulls/list-files", 200, files.data)).toEqual([]);
    expect(validateResponse(openApi, "pulls/list-commits", 200, commits.data)).toEqual([]);
    await expectFaithfulRun(h);
  });

  it("closes a pull request through update, sends closed with merged: false and lists it only as closed", async () => {
    await start();
    const number = await openPull("feature");

    const updated = await maya.rest.pulls.update({ owner, repo, pull_number: number, state: "closed", title: "Add sub (abandoned)" });
    await h.sandbox.settle();

    expect(updated.data).toMatchObject({ state: "closed", merged: false, title: "Add sub (abandoned)" });
    expect(h.receiver.named("pull_request", "edited")[0]?.payload.changes).toEqual({ title: { from: "Add feature" } });
    expect(h.receiver.named("pull_request", "closed")[0]?.payload.pull_request).toMatchObject({ merged: false, state: "closed" });
    const open = await maya.rest.pulls.list({ owner, repo });
    const closed = await maya.rest.pulls.list({ owner, repo, state: "closed", head: "acme:feature" });
    expect(open.data).toEqual([]);
    expect(closed.data.map((pull) => pull.number)).toEqual([number]);
    expect(validateResponse(openApi, "pulls/list", 200, closed.data)).toEqual([]);
    await expectFaithfulRun(h);
  });

  it("takes a closed pull request out of the merge queue and sends pull_request.dequeued", async () => {
    await start({ mergeQueue: true });
    const number = await openPull("feature");
    const pull = h.sandbox.store.pull(h.repo.id, number);
    h.sandbox.store.queueEntries.set(1, {
      repoId: h.repo.id,
      id: 1,
      nodeId: "MQE_1",
      pullNumber: number,
      baseRef: "main",
      headSha: pull?.headSha ?? "",
      enqueuedAt: h.sandbox.store.timestamp(),
      enqueuer: h.app.bot,
      state: "QUEUED",
      groupSha: null,
      groupRef: null,
    });

    await maya.rest.pulls.update({ owner, repo, pull_number: number, state: "closed" });
    await h.sandbox.settle();

    expect(h.sandbox.store.queueOf(h.repo.id, "main")).toEqual([]);
    expect(h.receiver.named("pull_request", "dequeued").map((hook) => hook.payload.reason)).toEqual(["MANUAL"]);
    await expectFaithfulRun(h);
  });
});
