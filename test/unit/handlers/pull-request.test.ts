import { describe, expect, it } from "vitest";
import type {
  PullRequestClosedEvent,
  PullRequestDequeuedEvent,
  PullRequestOpenedEvent,
  PullRequestReopenedEvent,
  PullRequestSynchronizeEvent,
} from "@octokit/webhooks-types";
import { example, INSTALLATION_ID, installed, notInstalled } from "./examples.ts";
import { deliver } from "./receive.ts";

const REF = { installationId: INSTALLATION_ID, owner: "Codertocat", repo: "Hello-World" };
const TASK_BRANCH = "foreman/7/mean";
const HEAD_SHA = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";

/** GitHub's example for `action`, its head moved to `branch`. */
function onBranch<P extends PullRequestSynchronizeEvent | PullRequestClosedEvent | PullRequestOpenedEvent | PullRequestReopenedEvent>(
  payload: P,
  branch: string,
): P {
  return installed({ ...payload, pull_request: { ...payload.pull_request, head: { ...payload.pull_request.head, ref: branch } } });
}

const synchronize = (branch = TASK_BRANCH): PullRequestSynchronizeEvent =>
  onBranch(
    example("pull_request", (payload): payload is PullRequestSynchronizeEvent => payload.action === "synchronize"),
    branch,
  );
const closed = (branch = TASK_BRANCH): PullRequestClosedEvent =>
  onBranch(
    example("pull_request", (payload): payload is PullRequestClosedEvent => payload.action === "closed"),
    branch,
  );
const reopened = (branch = TASK_BRANCH): PullRequestReopenedEvent =>
  onBranch(
    example("pull_request", (payload): payload is PullRequestReopenedEvent => payload.action === "reopened"),
    branch,
  );

/** GitHub's `dequeued` payload: a pull request with the number and the reason it left the merge queue. */
function dequeued(reason: string): PullRequestDequeuedEvent {
  const { pull_request, repository, sender, installation } = synchronize();
  return {
    action: "dequeued",
    number: pull_request.number,
    reason,
    pull_request,
    repository,
    sender,
    ...(installation ? { installation } : {}),
  };
}

describe("pull_request on a task branch", () => {
  it("records a push to the pull request (synchronize) with its new head and who pushed, keyed by the branch's issue", async () => {
    const { id, accepted } = await deliver("pull_request", synchronize());

    expect(accepted).toEqual([
      {
        deliveryId: id,
        event: "pull_request",
        action: "synchronize",
        key: "codertocat/hello-world#7",
        intake: {
          kind: "pr_synchronize",
          ref: REF,
          pr: 2,
          headRef: TASK_BRANCH,
          sha: HEAD_SHA,
          sender: { login: "Codertocat", type: "User" },
          deliveryId: id,
        },
      },
    ]);
  });

  it("records a merged pull request with its merge commit", async () => {
    const payload = closed();
    payload.pull_request = { ...payload.pull_request, merged: true, merge_commit_sha: "c4295bd74fb0f4fda03689c3df3f2803b658fd85" };

    const { id, accepted } = await deliver("pull_request", payload);

    expect(accepted.map((input) => input.intake)).toEqual([
      {
        kind: "pr_closed",
        ref: REF,
        pr: 2,
        headRef: TASK_BRANCH,
        merged: true,
        sha: "c4295bd74fb0f4fda03689c3df3f2803b658fd85",
        sender: { login: "Codertocat", type: "User" },
        deliveryId: id,
      },
    ]);
  });

  it("records a pull request closed without merging as not merged, with who closed it", async () => {
    const payload = closed();
    payload.sender = { ...payload.sender, login: "maya" };

    const { accepted } = await deliver("pull_request", payload);

    expect(accepted.map((input) => input.intake)).toMatchObject([{ kind: "pr_closed", merged: false, sender: { login: "maya" } }]);
  });

  it("records a reopened pull request with its head and who reopened it", async () => {
    const payload = reopened();

    const { id, accepted } = await deliver("pull_request", payload);

    expect(accepted).toEqual([
      {
        deliveryId: id,
        event: "pull_request",
        action: "reopened",
        key: "codertocat/hello-world#7",
        intake: {
          kind: "pr_reopened",
          ref: REF,
          pr: payload.pull_request.number,
          headRef: TASK_BRANCH,
          sha: payload.pull_request.head.sha,
          sender: { login: payload.sender.login, type: payload.sender.type },
          deliveryId: id,
        },
      },
    ]);
  });

  it("records a pull request the merge queue removed, with GitHub's reason", async () => {
    const { accepted } = await deliver("pull_request", dequeued("CI_FAILURE"));

    expect(accepted).toMatchObject([
      {
        action: "dequeued",
        key: "codertocat/hello-world#7",
        intake: { kind: "pr_dequeued", pr: 2, headRef: TASK_BRANCH, reason: "CI_FAILURE" },
      },
    ]);
  });

  it("records nothing for the other pull request actions, such as opened", async () => {
    const opened = onBranch(
      example("pull_request", (payload): payload is PullRequestOpenedEvent => payload.action === "opened"),
      TASK_BRANCH,
    );

    const { accepted } = await deliver("pull_request", opened);

    expect(accepted).toEqual([]);
  });
});

describe("pull_request elsewhere", () => {
  it("records no task event for a pull request whose branch is not a task branch (see pull-request-not-task.test.ts)", async () => {
    const results = [await deliver("pull_request", synchronize("changes")), await deliver("pull_request", closed("foreman/not-a-task"))];

    expect(results.map((result) => result.accepted.map((input) => input.intake.kind))).toEqual([["pr_not_task"], []]);
  });

  it("records nothing for a delivery without an installation", async () => {
    const { accepted } = await deliver("pull_request", notInstalled(synchronize()));

    expect(accepted).toEqual([]);
  });
});
