import { describe, expect, it } from "vitest";
import type {
  PullRequestClosedEvent,
  PullRequestEvent,
  PullRequestOpenedEvent,
  PullRequestReadyForReviewEvent,
  PullRequestReopenedEvent,
  PullRequestSynchronizeEvent,
} from "@octokit/webhooks-types";
import { example, INSTALLATION_ID, installed, notInstalled } from "./examples.ts";
import { deliver } from "./receive.ts";

const REF = { installationId: INSTALLATION_ID, owner: "Codertocat", repo: "Hello-World" };

/** GitHub's first example of `action`, installed, its head on `branch`. */
function onBranch<P extends PullRequestEvent>(matches: (payload: PullRequestEvent) => payload is P, branch: string): P {
  const payload = example("pull_request", matches);
  return installed({ ...payload, pull_request: { ...payload.pull_request, head: { ...payload.pull_request.head, ref: branch } } });
}

const opened = (branch = "fix-typo") => onBranch((p): p is PullRequestOpenedEvent => p.action === "opened", branch);
const reopened = (branch = "fix-typo") => onBranch((p): p is PullRequestReopenedEvent => p.action === "reopened", branch);
const synchronize = (branch = "fix-typo") => onBranch((p): p is PullRequestSynchronizeEvent => p.action === "synchronize", branch);
const ready = (branch = "fix-typo") => onBranch((p): p is PullRequestReadyForReviewEvent => p.action === "ready_for_review", branch);
const closed = (branch = "fix-typo") => onBranch((p): p is PullRequestClosedEvent => p.action === "closed", branch);

describe("pull_request on a branch that is not a task's", () => {
  it("records an opened pull request's head and base, keyed by the repository", async () => {
    const payload = opened();

    const { id, accepted } = await deliver("pull_request", payload);

    expect(accepted).toEqual([
      {
        deliveryId: id,
        event: "pull_request",
        action: "opened",
        key: "codertocat/hello-world",
        intake: {
          kind: "pr_not_task",
          ref: REF,
          pr: payload.pull_request.number,
          sha: payload.pull_request.head.sha,
          baseRef: payload.pull_request.base.ref,
          deliveryId: id,
        },
      },
    ]);
  });

  it("records a reopened, pushed-to or ready pull request the same way", async () => {
    const results = [
      await deliver("pull_request", reopened()),
      await deliver("pull_request", synchronize()),
      await deliver("pull_request", ready()),
    ];

    expect(results.map(({ accepted }) => accepted.map((input) => [input.action, input.intake.kind]))).toEqual([
      [["reopened", "pr_not_task"]],
      [["synchronize", "pr_not_task"]],
      [["ready_for_review", "pr_not_task"]],
    ]);
  });

  it("records a pull request moved to another base branch, and nothing for a new title", async () => {
    const moved = {
      ...opened(),
      action: "edited" as const,
      changes: { base: { ref: { from: "develop" }, sha: { from: "a".repeat(40) } } },
    };
    const retitled = { ...opened(), action: "edited" as const, changes: { title: { from: "Update README" } } };

    const results = [await deliver("pull_request", moved), await deliver("pull_request", retitled)];

    expect(results.map(({ accepted }) => accepted.map((input) => input.intake))).toEqual([
      [expect.objectContaining({ kind: "pr_not_task", baseRef: moved.pull_request.base.ref })],
      [],
    ]);
  });

  it("records nothing when it closes: there is no head left to check", async () => {
    const { accepted } = await deliver("pull_request", closed());

    expect(accepted).toEqual([]);
  });

  it("leaves a task branch's pull request to the task's own handling", async () => {
    const results = [await deliver("pull_request", opened("foreman/7/mean")), await deliver("pull_request", synchronize("foreman/7/mean"))];

    expect(results.map(({ accepted }) => accepted.map((input) => input.intake.kind))).toEqual([[], ["pr_synchronize"]]);
  });

  it("records nothing for a delivery without an installation", async () => {
    const { accepted } = await deliver("pull_request", notInstalled(opened()));

    expect(accepted).toEqual([]);
  });
});
