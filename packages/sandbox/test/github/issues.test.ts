import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadOpenApiIndex, validateResponse, type OpenApiIndex } from "../../src/github/fidelity/rest.ts";
import { openIssue } from "../../src/github/routes/issues-admin.ts";
import { startHarness, type Harness, expectFaithfulRun, requestFailure } from "./harness.ts";

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

/**
 * A user with push access. The installation's Octokit spaces writes a second apart (as the
 * product's does), so tests that only arrange state write as this user.
 */
function writer(): Harness["octokit"] {
  h.sandbox.setPermission(h.repo, "maya", "write");
  return h.userOctokit("maya");
}

const actions = (): string[] =>
  h.receiver.received.map((hook) => `${hook.name}.${typeof hook.payload.action === "string" ? hook.payload.action : ""}`);

describe("sandbox issues", () => {
  it("opens an issue as a user with issues.opened, numbered from the repository counter", async () => {
    h = await startHarness();
    h.sandbox.setPermission(h.repo, "maya", "write");

    const created = await h.userOctokit("maya").rest.issues.create({ owner, repo, title: "Add subtraction", body: "Please." });
    await h.sandbox.settle();

    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({ number: 1, state: "open", title: "Add subtraction", user: { login: "maya" } });
    expect(h.repo.nextNumber).toBe(2);
    expect(validateResponse(openApi, "issues/create", 201, created.data)).toEqual([]);
    expect(h.receiver.named("issues", "opened")[0]?.payload).toMatchObject({ issue: { number: 1 }, sender: { login: "maya" } });
    await expectFaithfulRun(h);
  });

  it("labels an issue, creating the missing label, with one issues.labeled carrying label.name", async () => {
    h = await startHarness();
    const issue = await openIssue(h.sandbox.core, h.repo, { author: "maya", title: "Add subtraction" });

    const labels = await h.octokit.rest.issues.addLabels({ owner, repo, issue_number: issue.number, labels: ["foreman"] });
    const again = await h.octokit.rest.issues.addLabels({ owner, repo, issue_number: issue.number, labels: ["foreman"] });
    await h.sandbox.settle();

    expect(labels.data.map((label) => [label.name, label.color])).toEqual([["foreman", "ededed"]]);
    expect(again.data).toHaveLength(1);
    const labeled = h.receiver.named("issues", "labeled");
    expect(labeled).toHaveLength(1);
    expect(labeled[0]?.payload).toMatchObject({ label: { name: "foreman" }, issue: { labels: [{ name: "foreman" }] } });
    expect(validateResponse(openApi, "issues/add-labels", 200, labels.data)).toEqual([]);
    await expectFaithfulRun(h);
  });

  it("comments as the app and edits the comment with issue_comment.edited carrying changes.body.from", async () => {
    h = await startHarness();
    const issue = await openIssue(h.sandbox.core, h.repo, { author: "maya", title: "Add subtraction" });

    const comment = await h.octokit.rest.issues.createComment({ owner, repo, issue_number: issue.number, body: "Planning." });
    const edited = await h.octokit.rest.issues.updateComment({ owner, repo, comment_id: comment.data.id, body: "Planned." });
    await h.sandbox.settle();

    expect(comment.status).toBe(201);
    expect(comment.data.performed_via_github_app).toMatchObject({ id: h.app.id, slug: h.app.slug });
    expect(edited.data.body).toBe("Planned.");
    expect(h.receiver.named("issue_comment", "created")[0]?.payload).toMatchObject({
      comment: { body: "Planning." },
      issue: { number: 1 },
    });
    expect(h.receiver.named("issue_comment", "edited")[0]?.payload).toMatchObject({
      changes: { body: { from: "Planning." } },
      comment: { body: "Planned." },
    });
    expect(validateResponse(openApi, "issues/create-comment", 201, comment.data)).toEqual([]);
    await expectFaithfulRun(h);
  });

  it("runs the create, comment, edit, label, close flow with the webhooks GitHub sends, in order", async () => {
    h = await startHarness();
    h.sandbox.setPermission(h.repo, "maya", "write");
    const maya = h.userOctokit("maya").rest.issues;

    const { data: issue } = await maya.create({ owner, repo, title: "Add subtraction", labels: ["foreman"] });
    await maya.createComment({ owner, repo, issue_number: issue.number, body: "Go." });
    await maya.update({ owner, repo, issue_number: issue.number, title: "Add subtraction and multiplication" });
    await h.octokit.rest.issues.removeLabel({ owner, repo, issue_number: issue.number, name: "foreman" });
    const closed = await maya.update({ owner, repo, issue_number: issue.number, state: "closed", state_reason: "completed" });
    await h.sandbox.settle();

    expect(actions()).toEqual([
      "issues.opened",
      "issues.labeled",
      "issue_comment.created",
      "issues.edited",
      "issues.unlabeled",
      "issues.closed",
    ]);
    expect(h.receiver.named("issues", "edited")[0]?.payload).toMatchObject({ changes: { title: { from: "Add subtraction" } } });
    expect(closed.data).toMatchObject({ state: "closed", state_reason: "completed", labels: [] });
    expect(validateResponse(openApi, "issues/update", 200, closed.data)).toEqual([]);
    await expectFaithfulRun(h);
  });

  it("labels a pull request with pull_request.labeled and comments on it with an issue that has pull_request", async () => {
    h = await startHarness();
    const main = await h.repo.git.getRef("heads/main");
    if (main === null) throw new Error("main is missing");
    await h.repo.git.createRef("refs/heads/feature", main);
    await h.repo.git.seed(
      { "src/sub.js": "export const sub = (a, b) => a - b;\n" },
      { branch: "feature", message: "Add sub", author: { name: "Maya", email: "maya@example.com" } },
    );
    const pull = await writer().rest.pulls.create({ owner, repo, head: "feature", base: "main", title: "Add sub" });

    await h.octokit.rest.issues.addLabels({ owner, repo, issue_number: pull.data.number, labels: ["foreman"] });
    await writer().rest.issues.createComment({ owner, repo, issue_number: pull.data.number, body: "Ready." });
    await h.sandbox.settle();

    expect(h.receiver.named("issues", "labeled")).toEqual([]);
    expect(h.receiver.named("pull_request", "labeled")[0]?.payload).toMatchObject({ label: { name: "foreman" }, number: pull.data.number });
    const comment = h.receiver.named("issue_comment", "created")[0]?.payload;
    expect(comment).toMatchObject({
      issue: { number: pull.data.number, pull_request: { url: expect.stringContaining("/pulls/") as unknown } },
    });
    await expectFaithfulRun(h);
  });

  it("lists comments page by page and only those updated since a time", async () => {
    h = await startHarness();
    const issue = await openIssue(h.sandbox.core, h.repo, { author: "maya", title: "Add subtraction" });
    const client = writer();
    for (const body of ["one", "two", "three"]) await client.rest.issues.createComment({ owner, repo, issue_number: issue.number, body });

    const all = await h.octokit.paginate(h.octokit.rest.issues.listComments, { owner, repo, issue_number: issue.number, per_page: 2 });
    const later = await h.octokit.rest.issues.listComments({ owner, repo, issue_number: issue.number, since: "2999-01-01T00:00:00Z" });

    expect(all.map((comment) => comment.body)).toEqual(["one", "two", "three"]);
    expect(later.data).toEqual([]);
    await expectFaithfulRun(h);
  });

  it("refuses a label from a reader with 403", async () => {
    h = await startHarness();
    h.sandbox.setPermission(h.repo, "rita", "read");
    const issue = await openIssue(h.sandbox.core, h.repo, { author: "maya", title: "Add subtraction" });

    const failure = await requestFailure(
      h.userOctokit("rita").rest.issues.addLabels({ owner, repo, issue_number: issue.number, labels: ["foreman"] }),
    );

    expect(failure.status).toBe(403);
    expect(h.receiver.named("issues", "labeled")).toEqual([]);
    await expectFaithfulRun(h);
  });

  it("answers 404 Label does not exist when removing a label the issue does not have", async () => {
    h = await startHarness();
    const issue = await openIssue(h.sandbox.core, h.repo, { author: "maya", title: "Add subtraction" });

    const failure = await requestFailure(h.octokit.rest.issues.removeLabel({ owner, repo, issue_number: issue.number, name: "foreman" }));

    expect(failure).toMatchObject({ status: 404, message: "Label does not exist" });
    await expectFaithfulRun(h);
  });

  it("hides the issues of a private repository from a non-collaborator with 404", async () => {
    h = await startHarness({ private: true });
    const issue = await openIssue(h.sandbox.core, h.repo, { author: "acme", title: "Secret" });

    const failure = await requestFailure(h.userOctokit("mallory").rest.issues.get({ owner, repo, issue_number: issue.number }));

    expect(failure).toMatchObject({ status: 404, message: "Not Found" });
    await expectFaithfulRun(h);
  });

  it("creates a reaction with 201 and returns the same one with 200 the second time", async () => {
    h = await startHarness();
    const issue = await openIssue(h.sandbox.core, h.repo, { author: "maya", title: "Add subtraction" });
    const client = writer();
    const comment = await client.rest.issues.createComment({ owner, repo, issue_number: issue.number, body: "Planning." });

    const first = await client.rest.reactions.createForIssueComment({ owner, repo, comment_id: comment.data.id, content: "eyes" });
    const second = await client.rest.reactions.createForIssueComment({ owner, repo, comment_id: comment.data.id, content: "eyes" });
    const listed = await h.octokit.rest.reactions.listForIssueComment({ owner, repo, comment_id: comment.data.id });

    expect([first.status, second.status]).toEqual([201, 200]);
    expect(second.data.id).toBe(first.data.id);
    expect(listed.data.map((reaction) => reaction.content)).toEqual(["eyes"]);
    expect(validateResponse(openApi, "reactions/create-for-issue-comment", 201, first.data)).toEqual([]);
    await expectFaithfulRun(h);
  });

  it("creates and reads a repository label, refusing a duplicate with 422", async () => {
    h = await startHarness();

    const created = await h.octokit.rest.issues.createLabel({ owner, repo, name: "foreman:blocked", color: "d73a4a" });
    const read = await h.octokit.rest.issues.getLabel({ owner, repo, name: "foreman:blocked" });
    const duplicate = await requestFailure(h.octokit.rest.issues.createLabel({ owner, repo, name: "Foreman:Blocked" }));

    expect(created.status).toBe(201);
    expect(read.data).toMatchObject({ name: "foreman:blocked", color: "d73a4a" });
    expect(duplicate).toMatchObject({ status: 422, message: "Validation Failed" });
    expect(validateResponse(openApi, "issues/get-label", 200, read.data)).toEqual([]);
    await h.sandbox.settle();
    expect(h.sandbox.webhooks.invalid()).toEqual([]);
    expect(h.sandbox.requestLog.rejected()).toEqual([]);
  });
});
