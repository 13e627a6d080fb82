import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadOpenApiIndex, validateResponse, type OpenApiIndex } from "../../src/github/fidelity/rest.ts";
import { diffHunkFor, findDiffLine, parsePatch } from "../../src/github/routes/reviews-diff.ts";
import { startHarness, type Harness, expectFaithfulRun, requestFailure } from "./harness.ts";

const owner = "acme";
const repo = "calculator";
const LONG_FILE = Array.from({ length: 20 }, (_, index) => `export const line${index + 1} = ${index + 1};`).join("\n") + "\n";

let h: Harness;
/** The pull request's author, a collaborator with write access. */
let maya: Harness["octokit"];
/** A reviewer, another collaborator with write access. */
let lee: Harness["octokit"];
let openApi: OpenApiIndex;

beforeAll(() => {
  openApi = loadOpenApiIndex();
});

afterEach(async () => {
  await h.stop();
});

/** Starts a sandbox where maya has opened pull request #1 changing line 2 of `src/long.js`. */
async function startWithPull(): Promise<number> {
  h = await startHarness({ files: { "README.md": "# calculator\n", "src/long.js": LONG_FILE } });
  h.sandbox.setPermission(h.repo, "maya", "write");
  h.sandbox.setPermission(h.repo, "lee", "write");
  maya = h.userOctokit("maya");
  lee = h.userOctokit("lee");
  const git = maya.rest.git;
  const main = (await git.getRef({ owner, repo, ref: "heads/main" })).data.object.sha;
  const base = await git.getCommit({ owner, repo, commit_sha: main });
  const content = LONG_FILE.replace("line2 = 2;", "line2 = 2 * 1;");
  const tree = await git.createTree({
    owner,
    repo,
    base_tree: base.data.tree.sha,
    tree: [{ path: "src/long.js", mode: "100644", type: "blob", content }],
  });
  const commit = await git.createCommit({ owner, repo, message: "Tweak line 2", tree: tree.data.sha, parents: [main] });
  await git.createRef({ owner, repo, ref: "refs/heads/tweak", sha: commit.data.sha });
  const pull = await maya.rest.pulls.create({ owner, repo, head: "tweak", base: "main", title: "Tweak line 2" });
  return pull.data.number;
}

describe("sandbox pull request reviews", () => {
  it("creates a COMMENT review with an inline comment on a changed line and sends both webhooks", async () => {
    const number = await startWithPull();

    const review = await h.octokit.rest.pulls.createReview({
      owner,
      repo,
      pull_number: number,
      event: "COMMENT",
      body: "One question.",
      comments: [{ path: "src/long.js", line: 2, side: "RIGHT", body: "Why multiply by one?" }],
    });
    await h.sandbox.settle();

    expect(review.data).toMatchObject({ state: "COMMENTED", body: "One question.", user: { login: h.app.bot.login } });
    expect(validateResponse(openApi, "pulls/create-review", 200, review.data)).toEqual([]);
    const comments = await maya.rest.pulls.listReviewComments({ owner, repo, pull_number: number });
    expect(comments.data).toMatchObject([
      { path: "src/long.js", line: 2, side: "RIGHT", position: 3, pull_request_review_id: review.data.id },
    ]);
    expect(comments.data[0]?.diff_hunk).toMatch(/^@@ -1,5 \+1,5 @@[\s\S]*\+export const line2 = 2 \* 1;$/);
    expect(validateResponse(openApi, "pulls/list-review-comments", 200, comments.data)).toEqual([]);
    expect(h.receiver.named("pull_request_review", "submitted").map((hook) => hook.payload.review)).toMatchObject([{ state: "commented" }]);
    expect(h.receiver.named("pull_request_review_comment", "created").map((hook) => hook.payload.comment)).toMatchObject([
      { body: "Why multiply by one?", line: 2 },
    ]);
    await expectFaithfulRun(h);
  });

  it("refuses a review whose inline comment is on a line outside the diff", async () => {
    const number = await startWithPull();

    const failure = await requestFailure(
      lee.rest.pulls.createReview({
        owner,
        repo,
        pull_number: number,
        event: "COMMENT",
        comments: [{ path: "src/long.js", line: 15, body: "Not in the diff." }],
      }),
    );

    expect(failure.status).toBe(422);
    expect(failure.data.message).toBe("Unprocessable Entity");
    expect(failure.data.errors).toEqual([expect.stringContaining("Pull request review thread line must be part of the diff")]);
    expect(h.sandbox.store.reviews.size).toBe(0);
    await expectFaithfulRun(h);
  });

  it("refuses a single review comment on a line outside the diff", async () => {
    const number = await startWithPull();
    const pull = await maya.rest.pulls.get({ owner, repo, pull_number: number });

    const failure = await requestFailure(
      lee.rest.pulls.createReviewComment({
        owner,
        repo,
        pull_number: number,
        commit_id: pull.data.head.sha,
        path: "src/long.js",
        line: 15,
        body: "Here?",
      }),
    );

    expect(failure.status).toBe(422);
    expect(failure.data).toMatchObject({ message: "Validation Failed", errors: [{ field: "pull_request_review_thread.line" }] });
    await expectFaithfulRun(h);
  });

  it("refuses an approval by the pull request's author", async () => {
    const number = await startWithPull();

    const failure = await requestFailure(maya.rest.pulls.createReview({ owner, repo, pull_number: number, event: "APPROVE" }));

    expect(failure.status).toBe(422);
    expect(failure.data).toMatchObject({ message: "Unprocessable Entity", errors: ["Can not approve your own pull request"] });
    await expectFaithfulRun(h);
  });

  it("refuses a change request without a body", async () => {
    const number = await startWithPull();

    const failure = await requestFailure(lee.rest.pulls.createReview({ owner, repo, pull_number: number, event: "REQUEST_CHANGES" }));

    expect(failure.status).toBe(422);
    expect(failure.data.errors).toEqual(["You need to leave a comment indicating the requested changes."]);
    await expectFaithfulRun(h);
  });

  it("lists an approval by another account", async () => {
    const number = await startWithPull();

    await lee.rest.pulls.createReview({ owner, repo, pull_number: number, event: "APPROVE" });
    const reviews = await maya.rest.pulls.listReviews({ owner, repo, pull_number: number });

    expect(reviews.data.map((review) => [review.user?.login, review.state])).toEqual([["lee", "APPROVED"]]);
    expect(validateResponse(openApi, "pulls/list-reviews", 200, reviews.data)).toEqual([]);
    await expectFaithfulRun(h);
  });

  it("threads a reply under the comment it answers", async () => {
    const number = await startWithPull();
    const pull = await maya.rest.pulls.get({ owner, repo, pull_number: number });
    const first = await lee.rest.pulls.createReviewComment({
      owner,
      repo,
      pull_number: number,
      commit_id: pull.data.head.sha,
      path: "src/long.js",
      line: 2,
      side: "RIGHT",
      body: "Why?",
    });

    const reply = await maya.rest.pulls.createReplyForReviewComment({
      owner,
      repo,
      pull_number: number,
      comment_id: first.data.id,
      body: "Clarity.",
    });
    await h.sandbox.settle();

    expect(first.status).toBe(201);
    expect(reply.data).toMatchObject({ in_reply_to_id: first.data.id, path: "src/long.js", line: 2, diff_hunk: first.data.diff_hunk });
    expect(validateResponse(openApi, "pulls/create-reply-for-review-comment", 201, reply.data)).toEqual([]);
    expect(h.receiver.named("pull_request_review_comment", "created").map((hook) => hook.payload.comment)).toMatchObject([
      { id: first.data.id },
      { id: reply.data.id, in_reply_to_id: first.data.id },
    ]);
    await expectFaithfulRun(h);
  });
});

describe("review comment anchoring", () => {
  const patch = parsePatch(["@@ -1,3 +1,3 @@", " a", "-b", "+B", " c", "@@ -10,2 +10,3 @@", " j", "+k2", " k"].join("\n"));

  it("finds added lines on the right and removed lines on the left, with GitHub's positions", () => {
    expect(findDiffLine(patch, 2, "RIGHT")?.position).toBe(3);
    expect(findDiffLine(patch, 2, "LEFT")?.position).toBe(2);
    expect(findDiffLine(patch, 11, "RIGHT")?.position).toBe(7);
  });

  it("finds no line outside every hunk", () => {
    expect(findDiffLine(patch, 5, "RIGHT")).toBeUndefined();
    expect(findDiffLine(patch, 12, "LEFT")).toBeUndefined();
  });

  it("cuts the diff hunk from the hunk header down to the commented line", () => {
    const entry = findDiffLine(patch, 11, "RIGHT");

    expect(entry && diffHunkFor(patch, entry)).toBe("@@ -10,2 +10,3 @@\n j\n+k2");
  });
});
