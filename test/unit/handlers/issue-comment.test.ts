import { describe, expect, it } from "vitest";
import type { IssueCommentCreatedEvent, IssueCommentDeletedEvent, IssueCommentEditedEvent } from "@octokit/webhooks-types";
import { taskMarker } from "../../../src/render/index.ts";
import { example, INSTALLATION_ID, installed, notInstalled } from "./examples.ts";
import { deliver } from "./receive.ts";

const REF = { installationId: INSTALLATION_ID, owner: "Codertocat", repo: "Hello-World" };
const COMMENT = "You are totally right! I'll get this fixed right away.";

const created = (): IssueCommentCreatedEvent =>
  installed(example("issue_comment", (payload): payload is IssueCommentCreatedEvent => payload.action === "created"));

/** The same comment on a pull request (GitHub sends pull request comments as issue comments) whose body is `body`. */
function onPullRequest(body: string): IssueCommentCreatedEvent {
  const payload = created();
  const url = "https://api.github.com/repos/Codertocat/Hello-World/pulls/1";
  payload.issue = { ...payload.issue, body, pull_request: { url, html_url: "https://github.com/Codertocat/Hello-World/pull/1" } };
  return payload;
}

describe("issue_comment.created", () => {
  it("records a comment on an issue with its body and author, keyed by the issue's workflow", async () => {
    const payload = created();
    const { id, accepted } = await deliver("issue_comment", payload);

    expect(accepted).toEqual([
      {
        deliveryId: id,
        event: "issue_comment",
        action: "created",
        key: "codertocat/hello-world#1",
        intake: {
          kind: "issue_comment",
          ref: REF,
          issue: 1,
          pullRequestBody: null,
          commentId: 492700400,
          body: COMMENT,
          createdAt: Date.parse(payload.comment.created_at),
          sender: { login: "Codertocat", type: "User" },
          deliveryId: id,
        },
      },
    ]);
  });

  it("records a comment on a task's pull request under the workflow of the issue its task marker names", async () => {
    const body = `Adds mean().\n\n${taskMarker({ issue: 7, task: "mean", attempt: 1 })}`;

    const { accepted } = await deliver("issue_comment", onPullRequest(body));

    expect(accepted).toMatchObject([
      { key: "codertocat/hello-world#7", intake: { kind: "issue_comment", issue: 1, pullRequestBody: body, body: COMMENT } },
    ]);
  });

  it("records nothing for a comment on a pull request without a task marker: it is not Foreman's", async () => {
    const { accepted } = await deliver("issue_comment", onPullRequest("A pull request someone opened by hand."));

    expect(accepted).toEqual([]);
  });

  it("passes a bot's comment on with the bot's account type, for the worker's policy to refuse", async () => {
    const payload = created();
    payload.sender = { ...payload.sender, login: "deploy-bot[bot]", type: "Bot" };

    const { accepted } = await deliver("issue_comment", payload);

    expect(accepted.map((input) => input.intake)).toMatchObject([{ sender: { login: "deploy-bot[bot]", type: "Bot" } }]);
  });

  it("records nothing for an edited or deleted comment: an edit is never a command", async () => {
    const edited = installed(example("issue_comment", (payload): payload is IssueCommentEditedEvent => payload.action === "edited"));
    const deleted = installed(example("issue_comment", (payload): payload is IssueCommentDeletedEvent => payload.action === "deleted"));

    const results = [await deliver("issue_comment", edited), await deliver("issue_comment", deleted)];

    expect(results.map((result) => result.accepted)).toEqual([[], []]);
  });

  it("records nothing for a delivery without an installation", async () => {
    const { accepted } = await deliver("issue_comment", notInstalled(created()));

    expect(accepted).toEqual([]);
  });
});
