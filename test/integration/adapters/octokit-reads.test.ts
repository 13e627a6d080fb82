import { plain } from "./port-text.ts";
import { pino } from "pino";
import { Probot } from "probot";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { githubClientOptions } from "../../../src/adapters/github/foreman-octokit.ts";
import { OctokitRepoGitHub } from "../../../src/adapters/github/octokit-github.ts";
import { ProbotGitHub } from "../../../src/adapters/github/probot-github.ts";
import { GitHubCallError, nullIfGone } from "../../../src/ports/errors.ts";
import { startHarness, type Harness } from "@foreman/sandbox/harness";

const owner = "acme";
const repo = "calculator";

let h: Harness;
let github: OctokitRepoGitHub;
let appLogin: string;

beforeEach(async () => {
  h = await startHarness();
  appLogin = `${h.app.slug}[bot]`;
  github = new OctokitRepoGitHub(h.octokit, { owner, repo, appLogin });
  h.sandbox.setPermission(h.repo, "maya", "write");
});

afterEach(async () => {
  expect(h.sandbox.requestLog.rejected()).toEqual([]);
  await h.stop();
});

async function labelledIssue(label = "foreman"): Promise<number> {
  const maya = h.userOctokit("maya");
  const { data } = await maya.rest.issues.create({ owner, repo, title: "Add mean", body: "Mean of a list." });
  await maya.rest.issues.addLabels({ owner, repo, issue_number: data.number, labels: [label] });
  return data.number;
}

describe("the reads the reconciler and the worker share", () => {
  it("reads an issue with its author and labels", async () => {
    const number = await labelledIssue();

    expect(await github.getIssue(number)).toEqual({
      number,
      title: "Add mean",
      body: "Mean of a list.",
      author: "maya",
      state: "open",
      labels: ["foreman"],
    });
  });

  it("fails with not_found for an issue that does not exist, which nullIfGone reads as null", async () => {
    await expect(github.getIssue(999)).rejects.toMatchObject({ status: 404, kind: "not_found" });
    expect(await nullIfGone(github.getIssue(999))).toBeNull();
  });

  it("lists the open issues with a label, leaving out pull requests that carry it", async () => {
    const issue = await labelledIssue();
    const { headSha } = await github.repository();
    await github.commitOnBranch({
      expectedHead: null,
      branch: "foreman/1/mean",
      baseSha: headSha,
      message: plain("Add mean"),
      changes: [{ path: "src/mean.js", content: "export {};\n" }],
    });
    const pull = await github.ensurePullRequest({ head: "foreman/1/mean", base: "main", title: "Add mean", body: "" });
    await github.addLabels(pull.number, ["foreman"]);

    const issues = await github.openIssuesWithLabel("foreman");

    expect(issues.map((found) => found.number)).toEqual([issue]);
  });

  it("tells who added a label, whatever its case", async () => {
    const number = await labelledIssue("Foreman");

    const labelled = await github.labeledBy(number, "foreman");
    expect(labelled?.by).toEqual({ login: "maya", type: "User" });
    expect(labelled?.at).toBeGreaterThan(0);
    expect(await github.labeledBy(number, "bug")).toBeNull();
  });

  it("lists comments with their authors and times", async () => {
    const number = await labelledIssue();
    const { data: posted } = await h.userOctokit("maya").rest.issues.createComment({ owner, repo, issue_number: number, body: "/approve" });

    const comments = await github.listComments(number);

    expect(comments).toEqual([
      {
        id: posted.id,
        nodeId: posted.node_id,
        author: "maya",
        authorType: "User",
        body: "/approve",
        createdAt: Date.parse(posted.created_at),
        updatedAt: Date.parse(posted.updated_at),
      },
    ]);
  });

  it("tells which comments were ever edited, from GraphQL's lastEditedAt, however soon after they were written", async () => {
    const number = await labelledIssue();
    const maya = h.userOctokit("maya");
    const { data: kept } = await maya.rest.issues.createComment({ owner, repo, issue_number: number, body: "/approve" });
    const { data: changed } = await maya.rest.issues.createComment({ owner, repo, issue_number: number, body: "LGTM" });
    await maya.rest.issues.updateComment({ owner, repo, comment_id: changed.id, body: "/approve" });

    const edited = await github.editedComments([kept.node_id, changed.node_id]);

    expect([...edited]).toEqual([changed.node_id]);
    expect(await github.editedComments([])).toEqual(new Set());
  });

  it("answers null for the author of a commit whose repository is gone", async () => {
    const { headSha } = await github.repository();
    const gone = new OctokitRepoGitHub(h.octokit, { owner, repo: "deleted", appLogin });

    expect(await gone.commitAuthor(headSha)).toBeNull();
  });

  it("reads the first lines of the default branch's newest commits in one request, telling merges apart", async () => {
    const author = { name: "Maya", email: "maya@example.com" };
    const main = await h.repo.git.getRef("heads/main");
    await h.repo.git.createRef("refs/heads/feature", main ?? "");
    await h.repo.git.seed({ "src/sub.js": "export {};\n" }, { branch: "feature", message: "feat: add sub\n\nWith a body.", author });
    const { data: pull } = await h.octokit.rest.pulls.create({ owner, repo, head: "feature", base: "main", title: "Add sub" });
    await h.octokit.rest.pulls.merge({ owner, repo, pull_number: pull.number, merge_method: "merge" });
    await h.repo.git.seed({ "docs/a.md": "a\n" }, { branch: "main", message: "docs(readme): explain a", author });
    const before = h.sandbox.requestLog.count({ operationId: "repos/list-commits" });

    const titles = await github.recentCommitTitles(3);

    expect(titles.map((commit) => commit.merge)).toEqual([false, true, false]);
    expect(titles.map((commit) => commit.title)).toEqual([
      "docs(readme): explain a",
      `Merge pull request #${pull.number} from acme/feature`,
      "feat: add sub",
    ]);
    expect(h.sandbox.requestLog.count({ operationId: "repos/list-commits" }) - before).toBe(1);
  });
});

describe("what is the app's own", () => {
  it("does not take another bot's comment that carries the app's marker for its own", async () => {
    const number = await labelledIssue();
    const marker = "<!-- foreman:comment status -->";
    h.sandbox.setPermission(h.repo, "other-app[bot]", "write", "Bot");
    const { data: forged } = await h
      .userOctokit("other-app[bot]")
      .rest.issues.createComment({ owner, repo, issue_number: number, body: `Done!\n\n${marker}` });

    const { id } = await github.upsertComment({ issue: number, key: "status", body: "Planning." });

    expect(id).not.toBe(forged.id);
    const comments = await github.listComments(number);
    expect(comments.map((comment) => [comment.author, comment.authorType, comment.body])).toEqual([
      ["other-app[bot]", "Bot", `Done!\n\n${marker}`],
      [appLogin, "Bot", `Planning.\n\n${marker}`],
    ]);
  });

  it("finds its own comment again by the marker and updates it", async () => {
    const number = await labelledIssue();
    const first = await github.upsertComment({ issue: number, key: "status", body: "Planning." });

    const second = await github.upsertComment({ issue: number, key: "status", body: "Executing." });

    expect(second.id).toBe(first.id);
    expect((await github.listComments(number)).map((comment) => comment.body)).toEqual(["Executing.\n\n<!-- foreman:comment status -->"]);
  });
});

describe("ProbotGitHub", () => {
  it("lists the app's installations and their repositories, and reads through the installation's client", async () => {
    const probot = new Probot({
      appId: h.app.id,
      privateKey: h.privateKey,
      secret: h.receiver.secret,
      log: pino({ level: "silent" }),
      ...githubClientOptions({ throttle: "off", baseUrl: h.sandbox.url }),
    });
    const port = new ProbotGitHub(probot, appLogin);

    const installations = await port.installations();
    const repositories = await port.repositories(h.installation.id);
    const reads = await port.forRepo({ installationId: h.installation.id, owner, repo });

    expect(installations).toEqual([h.installation.id]);
    expect(repositories).toEqual([{ owner, repo }]);
    expect((await reads.repository()).defaultBranch).toBe("main");
  });

  it("fails with a classified error for an installation that does not exist", async () => {
    const probot = new Probot({
      appId: h.app.id,
      privateKey: h.privateKey,
      secret: h.receiver.secret,
      log: pino({ level: "silent" }),
      ...githubClientOptions({ throttle: "off", baseUrl: h.sandbox.url }),
    });

    const failure = await new ProbotGitHub(probot, appLogin).repositories(987_654).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(GitHubCallError);
    expect(failure).toMatchObject({ status: 404, kind: "not_found" });
  });
});
