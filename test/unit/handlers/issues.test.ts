import { describe, expect, it } from "vitest";
import type {
  IssuesClosedEvent,
  IssuesDeletedEvent,
  IssuesLabeledEvent,
  IssuesOpenedEvent,
  IssuesReopenedEvent,
} from "@octokit/webhooks-types";
import { example, INSTALLATION_ID, installed, notInstalled } from "./examples.ts";
import { deliver } from "./receive.ts";

const REF = { installationId: INSTALLATION_ID, owner: "Codertocat", repo: "Hello-World" };

/** GitHub's `issues.labeled` example as the installed app receives it, with the label renamed when asked. */
function labeled(label?: string): IssuesLabeledEvent {
  const payload = installed(example("issues", (candidate): candidate is IssuesLabeledEvent => candidate.action === "labeled"));
  if (label !== undefined && payload.label) payload.label = { ...payload.label, name: label };
  return payload;
}

describe("issues.labeled", () => {
  it("records the label, the issue and who added it, keyed by the issue's workflow", async () => {
    const { id, accepted } = await deliver("issues", labeled());

    expect(accepted).toEqual([
      {
        deliveryId: id,
        event: "issues",
        action: "labeled",
        key: "codertocat/hello-world#1",
        intake: {
          kind: "issue_labeled",
          ref: REF,
          issue: 1,
          issueTitle: "Spelling error in the README file",
          label: "bug",
          sender: { login: "Codertocat", type: "User" },
          deliveryId: id,
        },
      },
    ]);
  });

  it("passes a bot's label on with the bot's account type, for the worker's policy to refuse", async () => {
    const payload = labeled();
    payload.sender = { ...payload.sender, login: "deploy-bot[bot]", type: "Bot" };

    const { accepted } = await deliver("issues", payload);

    expect(accepted.map((input) => input.intake)).toMatchObject([
      { kind: "issue_labeled", sender: { login: "deploy-bot[bot]", type: "Bot" } },
    ]);
  });

  it("passes any label on by name; which label starts work is the repository's config, read by the worker", async () => {
    const { accepted } = await deliver("issues", labeled("foreman"));

    expect(accepted.map((input) => input.intake)).toMatchObject([{ kind: "issue_labeled", label: "foreman" }]);
  });

  it("records nothing for other issue actions", async () => {
    const opened = installed(example("issues", (payload): payload is IssuesOpenedEvent => payload.action === "opened"));

    const { accepted } = await deliver("issues", opened);

    expect(accepted).toEqual([]);
  });

  it("records nothing for a delivery without an installation (a repository webhook, not the app's)", async () => {
    const { accepted } = await deliver("issues", notInstalled(labeled()));

    expect(accepted).toEqual([]);
  });

  it("records nothing for a labeled delivery that carries no label", async () => {
    const { label: _label, ...payload } = labeled();

    const { accepted } = await deliver("issues", payload);

    expect(accepted).toEqual([]);
  });
});

/** GitHub's `issues.closed` (its example of a reopened issue, closed again) with this `state_reason`. */
function closed(stateReason: string | null): IssuesClosedEvent {
  const reopened = installed(example("issues", (candidate): candidate is IssuesReopenedEvent => candidate.action === "reopened"));
  return {
    ...reopened,
    action: "closed",
    issue: { ...reopened.issue, state: "closed", closed_at: "2019-05-15T15:20:00Z", state_reason: stateReason },
  };
}

describe("issues.closed and issues.deleted", () => {
  it("records a close as not planned with who closed it, keyed by the issue's workflow", async () => {
    const { id, accepted } = await deliver("issues", closed("not_planned"));

    expect(accepted).toEqual([
      {
        deliveryId: id,
        event: "issues",
        action: "closed",
        key: "codertocat/hello-world#1",
        intake: {
          kind: "issue_closed",
          ref: REF,
          issue: 1,
          how: "not_planned",
          sender: { login: "Codertocat", type: "User" },
          deliveryId: id,
        },
      },
    ]);
  });

  it.each([["completed"], [null]])("records any other close (state_reason %s) as closed", async (reason) => {
    const { accepted } = await deliver("issues", closed(reason));

    expect(accepted.map((input) => input.intake)).toMatchObject([{ kind: "issue_closed", how: "closed" }]);
  });

  it("records a deleted issue as deleted", async () => {
    const deleted = installed(example("issues", (payload): payload is IssuesDeletedEvent => payload.action === "deleted"));

    const { accepted } = await deliver("issues", deleted);

    expect(accepted).toMatchObject([
      { action: "deleted", key: "codertocat/hello-world#1", intake: { kind: "issue_closed", how: "deleted" } },
    ]);
  });

  it("records nothing for a close without an installation", async () => {
    const { accepted } = await deliver("issues", notInstalled(closed("not_planned")));

    expect(accepted).toEqual([]);
  });
});
