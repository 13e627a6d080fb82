import { afterEach, describe, expect, it } from "vitest";
import { tailOf } from "../../../src/adapters/github/failure-evidence.ts";
import { OctokitRepoGitHub } from "../../../src/adapters/github/octokit-github.ts";
import { BranchMovedError } from "../../../src/ports/errors.ts";
import type { FileChange } from "../../../src/ports/github.ts";
import { formatEvidence } from "../../../src/qa/evidence.ts";
import { md, plain } from "./port-text.ts";
import type { CiCommand } from "@foreman/sandbox";
import { startHarness, type Harness } from "@foreman/sandbox/harness";

const owner = "acme";
const repo = "calculator";
const FILES = {
  "README.md": "# calculator\n",
  "package.json": '{"type":"module"}\n',
  "add.js": "export const add = (a, b) => a + b;\n",
  "add.test.js":
    "import { test } from 'node:test';\nimport assert from 'node:assert';\nimport { add } from './add.js';\n\ntest('adds', () => assert.equal(add(1, 2), 3));\n",
};
const BROKEN: FileChange[] = [{ path: "add.js", content: "export const add = (a, b) => a - b;\n" }];
const FIXED: FileChange[] = [{ path: "add.js", content: "export const add = (a, b) => b + a;\n" }];
const NODE_TEST: CiCommand = { name: "test", run: "node --test", timeoutSeconds: 60 };
/** Fails on the first attempt and runs the real tests on re-runs. */
const FLAKY_TEST: CiCommand = { name: "test", run: 'test "$SANDBOX_RUN_ATTEMPT" -gt 1 && node --test', timeoutSeconds: 60 };
const BRANCH = "foreman/7/fix-add";

let h: Harness;
let github: OctokitRepoGitHub;

async function start(ci: CiCommand[] = []): Promise<void> {
  h = await startHarness({ files: FILES, ci });
  github = new OctokitRepoGitHub(h.octokit, { owner, repo, appLogin: `${h.app.slug}[bot]` });
}

afterEach(async () => {
  expect(h.sandbox.requestLog.rejected()).toEqual([]);
  await h.stop();
});

/** Commits `changes` on a task branch, opens its pull request and waits for CI. */
async function openTaskPull(changes: FileChange[]): Promise<{ number: number; base: string; sha: string }> {
  const { headSha } = await github.repository();
  const { sha } = await github.commitOnBranch({
    expectedHead: null,
    branch: BRANCH,
    baseSha: headSha,
    message: plain("Change add"),
    changes,
  });
  const pull = await github.ensurePullRequest({ head: BRANCH, base: "main", title: "[#7] Change add", body: "Part of #7." });
  await h.sandbox.settle();
  return { number: pull.number, base: headSha, sha };
}

const writesSince = (from: number): (string | null)[] =>
  h.sandbox.requestLog
    .writes()
    .slice(from)
    .map((entry) => entry.operationId);

describe("failureEvidence", () => {
  it("returns the failing check's annotations and the failing job's log with the assertion", async () => {
    await start([NODE_TEST]);
    const { sha } = await openTaskPull(BROKEN);

    const evidence = await github.failureEvidence(sha);

    expect(evidence.checks).toHaveLength(1);
    expect(evidence.checks[0]).toMatchObject({ name: "test", conclusion: "failure", title: "test failed" });
    const inTest = evidence.checks[0]?.annotations.find((annotation) => annotation.path === "add.test.js");
    expect(inTest).toMatchObject({ line: 5, level: "failure" });
    expect(inTest?.message).toContain("AssertionError");
    expect(evidence.logs).toHaveLength(1);
    expect(evidence.logs[0]?.job).toBe("test");
    expect(evidence.logs[0]?.text).toContain("AssertionError");
    expect(evidence.logs[0]?.text).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z /m);
  });

  it("leaves out Foreman's own check and the checks that passed", async () => {
    await start([NODE_TEST, { name: "lint", run: "echo linted", timeoutSeconds: 30 }]);
    const { sha } = await openTaskPull(BROKEN);
    await github.ensureCheckRun({
      sha,
      name: "Foreman",
      externalId: "task",
      status: "completed",
      conclusion: "failure",
      title: "CI failed",
      summary: md("…"),
    });

    const evidence = await github.failureEvidence(sha);

    expect(evidence.checks.map((check) => check.name)).toEqual(["test"]);
    expect(evidence.logs.map((log) => log.job)).toEqual(["test"]);
  });

  it("gives the same failure on the next commit the same signature, and another failure another one", async () => {
    await start([NODE_TEST]);
    const { sha: first } = await openTaskPull(BROKEN);
    const { sha: second } = await github.commitOnBranch({
      branch: BRANCH,
      expectedHead: first,
      baseSha: first,
      message: plain("Docs"),
      changes: [{ path: "README.md", content: "# calc\n" }],
    });
    await h.sandbox.settle();
    const { sha: third } = await github.commitOnBranch({
      branch: BRANCH,
      expectedHead: second,
      baseSha: second,
      message: plain("Worse"),
      changes: [{ path: "add.js", content: "export const add = () => { throw new TypeError('nope'); };\n" }],
    });
    await h.sandbox.settle();

    const [a, b, c] = await Promise.all(
      [first, second, third].map(async (sha) => formatEvidence(await github.failureEvidence(sha), 8_000)),
    );

    expect(b?.signature).toBe(a?.signature);
    expect(c?.signature).not.toBe(a?.signature);
    expect(a?.excerpt).toContain("AssertionError");
  });

  it("returns no evidence for a green commit", async () => {
    await start([NODE_TEST]);
    const { sha } = await openTaskPull(FIXED);

    expect(await github.failureEvidence(sha)).toEqual({ checks: [], logs: [] });
  });
});

describe("rerunFailedJobs", () => {
  it("re-runs the failed run as a new attempt, which passes", async () => {
    await start([FLAKY_TEST]);
    const { sha } = await openTaskPull(FIXED);

    const rerun = await github.rerunFailedJobs(sha);
    await h.sandbox.settle();

    expect(rerun).toBe(1);
    const { data } = await h.octokit.rest.actions.listWorkflowRunsForRepo({ owner, repo, head_sha: sha });
    expect(data.workflow_runs.map((run) => [run.run_attempt, run.conclusion])).toEqual([[2, "success"]]);
    expect(await github.failureEvidence(sha)).toEqual({ checks: [], logs: [] });
  });

  it("re-runs nothing on a green commit", async () => {
    await start([NODE_TEST]);
    const { sha } = await openTaskPull(FIXED);

    expect(await github.rerunFailedJobs(sha)).toBe(0);
    expect(h.sandbox.requestLog.count({ operationId: "actions/re-run-workflow-failed-jobs" })).toBe(0);
  });
});

describe("reviews", () => {
  it("lists the pull request's files with their patches", async () => {
    await start();
    const { number } = await openTaskPull(BROKEN);

    const files = await github.listPullFiles(number);

    expect(files).toEqual([
      { filename: "add.js", status: "modified", patch: expect.stringContaining("+export const add = (a, b) => a - b;") as unknown },
    ]);
  });

  it("posts a COMMENT review with an inline comment on a changed line", async () => {
    await start();
    const { number, sha } = await openTaskPull(BROKEN);

    const { id } = await github.createReview({
      number,
      sha,
      body: md("One finding."),
      comments: [{ path: "add.js", line: 1, body: md("**Blocking**: add subtracts.") }],
    });

    const { data: reviews } = await h.octokit.rest.pulls.listReviews({ owner, repo, pull_number: number });
    expect(reviews).toMatchObject([{ id, state: "COMMENTED", body: "One finding.", commit_id: sha }]);
    const { data: comments } = await h.octokit.rest.pulls.listReviewComments({ owner, repo, pull_number: number });
    expect(comments).toMatchObject([
      { path: "add.js", line: 1, side: "RIGHT", body: "**Blocking**: add subtracts.", pull_request_review_id: id },
    ]);
  });

  it("returns the earlier review for the same key instead of posting another", async () => {
    await start();
    const { number, sha } = await openTaskPull(BROKEN);
    const input = { number, sha, body: md("Nothing blocking."), comments: [], key: `review-${sha}` };

    const first = await github.createReview(input);
    const second = await github.createReview(input);

    expect(second.id).toBe(first.id);
    expect(h.sandbox.requestLog.count({ operationId: "pulls/create-review" })).toBe(1);
  });

  it("replies in the thread of a review comment", async () => {
    await start();
    const { number, sha } = await openTaskPull(BROKEN);
    const maya = h.userOctokit("maya");
    h.sandbox.setPermission(h.repo, "maya", "write");
    const { data: asked } = await maya.rest.pulls.createReviewComment({
      owner,
      repo,
      pull_number: number,
      commit_id: sha,
      path: "add.js",
      line: 1,
      body: "Why minus?",
    });

    await github.replyToReviewComment(number, asked.id, "Fixed in the next commit.");

    const { data: comments } = await h.octokit.rest.pulls.listReviewComments({ owner, repo, pull_number: number });
    expect(comments.map((comment) => [comment.body, comment.in_reply_to_id ?? null])).toEqual([
      ["Why minus?", null],
      ["Fixed in the next commit.", asked.id],
    ]);
  });
});

describe("labels", () => {
  it("adds a label that does not exist yet and removes it again", async () => {
    await start();
    const { data: issue } = await h.octokit.rest.issues.create({ owner, repo, title: "Add subtraction" });

    await github.addLabels(issue.number, ["foreman:needs-human"]);
    const labelled = (await h.octokit.rest.issues.get({ owner, repo, issue_number: issue.number })).data.labels;
    await github.removeLabel(issue.number, "foreman:needs-human");
    const cleared = (await h.octokit.rest.issues.get({ owner, repo, issue_number: issue.number })).data.labels;

    expect(labelled.map((label) => (typeof label === "string" ? label : label.name))).toEqual(["foreman:needs-human"]);
    expect(cleared).toEqual([]);
  });

  it("takes removing a label the issue does not carry as done", async () => {
    await start();
    const { data: issue } = await h.octokit.rest.issues.create({ owner, repo, title: "Add subtraction" });

    await expect(github.removeLabel(issue.number, "foreman:needs-human")).resolves.toBeUndefined();
  });
});

describe("branches and mergeability", () => {
  it("reads a branch's head, and null for a branch that does not exist", async () => {
    await start();
    const { sha } = await openTaskPull(BROKEN);

    expect([await github.branchHead(BRANCH), await github.branchHead("no/such/branch")]).toEqual([sha, null]);
  });

  it("reports a clean pull request as mergeable and a conflicting one as not", async () => {
    await start();
    const { number, base } = await openTaskPull([{ path: "README.md", content: "# calculator, by the task\n" }]);
    const before = await github.pullMergeable(number);

    await github.commitOnBranch({
      branch: "main",
      expectedHead: base,
      baseSha: base,
      message: plain("Retitle"),
      changes: [{ path: "README.md", content: "# calc\n" }],
    });

    expect([before, await github.pullMergeable(number)]).toEqual([true, false]);
  });
});

describe("commitOnBranch", () => {
  it("fast-forwards the branch with one commit on the head's files, in one write that GitHub refuses if the branch moved", async () => {
    await start();
    const { sha: head } = await openTaskPull(BROKEN);
    const before = h.sandbox.requestLog.writes().length;

    const { sha } = await github.commitOnBranch({
      branch: BRANCH,
      expectedHead: head,
      baseSha: head,
      message: plain("Fix add"),
      changes: FIXED,
    });

    expect(writesSince(before)).toEqual(["graphql"]);
    const { data: commit } = await h.octokit.rest.git.getCommit({ owner, repo, commit_sha: sha });
    expect(commit.parents.map((parent) => parent.sha)).toEqual([head]);
    expect(commit.message).toBe("Fix add");
    expect(await github.branchHead(BRANCH)).toBe(sha);
    expect(await github.readFile(BRANCH, "add.js")).toBe("export const add = (a, b) => b + a;\n");
  });

  it("reuses its own commit when asked again after a lost response", async () => {
    await start();
    const { sha: head } = await openTaskPull(BROKEN);
    const input = { branch: BRANCH, expectedHead: head, baseSha: head, message: plain("Fix add"), changes: FIXED };
    const first = await github.commitOnBranch(input);
    const before = h.sandbox.requestLog.writes().length;

    const second = await github.commitOnBranch(input);

    expect(second.sha).toBe(first.sha);
    expect(writesSince(before).filter((operationId) => operationId !== "git/create-tree")).toEqual([]);
  });

  it("refuses, without writing, to fast-forward a branch someone else pushed to", async () => {
    await start();
    const { sha: head } = await openTaskPull(BROKEN);
    const human = await github.commitOnBranch({
      branch: BRANCH,
      expectedHead: head,
      baseSha: head,
      message: plain("Human fix"),
      changes: FIXED,
    });
    const before = h.sandbox.requestLog.writes().length;

    const error = await github
      .commitOnBranch({
        branch: BRANCH,
        expectedHead: head,
        baseSha: head,
        message: plain("Fix add"),
        changes: [{ path: "add.js", content: "x\n" }],
      })
      .then(
        () => null,
        (failure: unknown) => failure,
      );

    expect(error).toBeInstanceOf(BranchMovedError);
    expect(error).toMatchObject({ kind: "conflict", branch: BRANCH, expected: head, actual: human.sha });
    expect(writesSince(before)).toEqual([]);
    expect(await github.branchHead(BRANCH)).toBe(human.sha);
  });

  it("refuses a commit when someone pushes between Foreman's read of the head and its createCommitOnBranch", async () => {
    await start();
    const { sha: head } = await openTaskPull(BROKEN);
    let pushed: string | null = null;
    let pushing = false;
    h.octokit.hook.before("request", async (options) => {
      if (pushing || pushed !== null || !JSON.stringify(options).includes("createCommitOnBranch")) return;
      pushing = true;
      const other = {
        branch: BRANCH,
        expectedHead: head,
        baseSha: head,
        message: plain("Another fix"),
        changes: [{ path: "add.js", content: "// x\n" }],
      };
      pushed = (await github.commitOnBranch(other)).sha;
    });

    const error = await github
      .commitOnBranch({ branch: BRANCH, expectedHead: head, baseSha: head, message: plain("Fix add"), changes: FIXED })
      .then(
        () => null,
        (failure: unknown) => failure,
      );

    expect(error).toBeInstanceOf(BranchMovedError);
    expect(await github.branchHead(BRANCH)).toBe(pushed);
  });

  it("brings a new base in as a second parent on top of the head, never rewriting the branch", async () => {
    await start();
    const { sha: head, base } = await openTaskPull(BROKEN);
    const moved = await github.commitOnBranch({
      branch: "main",
      expectedHead: base,
      baseSha: base,
      message: plain("Docs"),
      changes: [{ path: "README.md", content: "# calc\n" }],
    });
    const before = h.sandbox.requestLog.writes().length;

    const { sha } = await github.commitOnBranch({
      branch: BRANCH,
      expectedHead: head,
      baseSha: moved.sha,
      message: plain("Change add"),
      changes: BROKEN,
    });

    expect(writesSince(before)).toEqual(["git/create-tree", "git/create-commit", "git/update-ref"]);
    const { data: commit } = await h.octokit.rest.git.getCommit({ owner, repo, commit_sha: sha });
    expect(commit.parents.map((parent) => parent.sha)).toEqual([head, moved.sha]);
    expect(await github.readFiles(BRANCH, ["README.md", "add.js"])).toEqual({
      "README.md": "# calc\n",
      "add.js": "export const add = (a, b) => a - b;\n",
    });
  });

  it("makes a fresh attempt on an unmoved base a plain commit on top of the head", async () => {
    await start();
    const { sha: head, base } = await openTaskPull(BROKEN);

    const { sha } = await github.commitOnBranch({
      branch: BRANCH,
      expectedHead: head,
      baseSha: base,
      message: plain("Again"),
      changes: FIXED,
    });

    const { data: commit } = await h.octokit.rest.git.getCommit({ owner, repo, commit_sha: sha });
    expect(commit.parents.map((parent) => parent.sha)).toEqual([head]);
    expect(await github.readFile(BRANCH, "add.js")).toBe("export const add = (a, b) => b + a;\n");
  });

  it("leaves a branch that someone pushed to alone, whatever base the new commit was for", async () => {
    await start();
    const { sha: head, base } = await openTaskPull(BROKEN);
    const human = await github.commitOnBranch({
      branch: BRANCH,
      expectedHead: head,
      baseSha: head,
      message: plain("Human fix"),
      changes: FIXED,
    });

    const error = await github
      .commitOnBranch({ branch: BRANCH, expectedHead: head, baseSha: base, message: plain("Change add"), changes: BROKEN })
      .then(
        () => null,
        (failure: unknown) => failure,
      );

    expect(error).toMatchObject({ name: "BranchMovedError", expected: head, actual: human.sha });
    expect(await github.branchHead(BRANCH)).toBe(human.sha);
  });

  it("refuses to create a branch that someone created in the meantime", async () => {
    await start();
    const { sha: head, base } = await openTaskPull(BROKEN);

    const error = await github
      .commitOnBranch({ branch: BRANCH, expectedHead: null, baseSha: base, message: plain("Change add"), changes: FIXED })
      .then(
        () => null,
        (failure: unknown) => failure,
      );

    expect(error).toMatchObject({ name: "BranchMovedError", expected: null, actual: head });
  });
});

describe("tailOf", () => {
  it("keeps a log within the limit as it is", () => {
    expect(tailOf("a\nb\n", 100)).toBe("a\nb\n");
  });

  it("keeps the end of a longer log from a line start and says the start was cut", () => {
    const log = Array.from({ length: 100 }, (_unused, index) => `line ${index}`).join("\n");

    const tail = tailOf(log, 37);

    expect(tail.split("\n")).toEqual([
      "… (the start of the log was cut; its last 37 bytes follow) …",
      "line 96",
      "line 97",
      "line 98",
      "line 99",
    ]);
  });
});
