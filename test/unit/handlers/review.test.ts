import { describe, expect, it } from "vitest";
import type {
  PullRequestReviewCommentCreatedEvent,
  PullRequestReviewCommentEditedEvent,
  PullRequestReviewDismissedEvent,
  PullRequestReviewSubmittedEvent,
} from "@octokit/webhooks-types";
import { example, INSTALLATION_ID, installed, notInstalled } from "./examples.ts";
import { deliver } from "./receive.ts";

const REF = { installationId: INSTALLATION_ID, owner: "Codertocat", repo: "Hello-World" };
const TASK_BRANCH = "foreman/7/mean";
const SENDER = { login: "Codertocat", type: "User" };

/** The payload with its pull request's head on `branch`. */
function onBranch<P extends { pull_request: { head: { ref: string } } }>(payload: P, branch: string): P {
  return { ...payload, pull_request: { ...payload.pull_request, head: { ...payload.pull_request.head, ref: branch } } };
}

function submitted(body: string | null, branch = TASK_BRANCH): PullRequestReviewSubmittedEvent {
  const payload = installed(
    example("pull_request_review", (candidate): candidate is PullRequestReviewSubmittedEvent => candidate.action === "submitted"),
  );
  return onBranch({ ...payload, review: { ...payload.review, body } }, branch);
}

function commentCreated(branch = TASK_BRANCH): PullRequestReviewCommentCreatedEvent {
  const payload = example(
    "pull_request_review_comment",
    (candidate): candidate is PullRequestReviewCommentCreatedEvent =>
      candidate.action === "created" && candidate.installation !== undefined,
  );
  return onBranch(payload, branch);
}

describe("pull_request_review.submitted", () => {
  it("records a review on a task's pull request with its body and reviewer, keyed by the branch's issue", async () => {
    const payload = submitted("Please handle an empty list.");
    const { id, accepted } = await deliver("pull_request_review", payload);

    expect(accepted).toEqual([
      {
        deliveryId: id,
        event: "pull_request_review",
        action: "submitted",
        key: "codertocat/hello-world#7",
        intake: {
          kind: "pr_review",
          ref: REF,
          pr: 2,
          headRef: TASK_BRANCH,
          body: "Please handle an empty list.",
          commentId: null,
          review: { state: "commented", commitId: payload.review.commit_id },
          sender: SENDER,
          deliveryId: id,
        },
      },
    ]);
  });

  it("records a review without a body (GitHub's example) as an empty body", async () => {
    const { accepted } = await deliver("pull_request_review", submitted(null));

    expect(accepted.map((input) => input.intake)).toMatchObject([{ kind: "pr_review", body: "" }]);
  });

  it("records nothing for a review on another pull request, a dismissed review, or a delivery without an installation", async () => {
    const dismissed = onBranch(
      installed(
        example("pull_request_review", (candidate): candidate is PullRequestReviewDismissedEvent => candidate.action === "dismissed"),
      ),
      TASK_BRANCH,
    );

    const results = [
      await deliver("pull_request_review", submitted("Looks good.", "changes")),
      await deliver("pull_request_review", dismissed),
      await deliver("pull_request_review", notInstalled(submitted("Looks good."))),
    ];

    expect(results.map((result) => result.accepted)).toEqual([[], [], []]);
  });
});

describe("pull_request_review_comment.created", () => {
  it("records an inline comment with its file and line, answered in its own thread", async () => {
    const { id, accepted } = await deliver("pull_request_review_comment", commentCreated());

    expect(accepted).toEqual([
      {
        deliveryId: id,
        event: "pull_request_review_comment",
        action: "created",
        key: "codertocat/hello-world#7",
        intake: {
          kind: "pr_review",
          ref: { ...REF, installationId: 1 },
          pr: 2,
          headRef: TASK_BRANCH,
          body: "On `README.md` line 265:\nMaybe you should use more emoji on this line.",
          commentId: 284312630,
          review: null,
          sender: SENDER,
          deliveryId: id,
        },
      },
    ]);
  });

  it("answers a reply in the thread of the comment it replies to", async () => {
    const payload = commentCreated();
    payload.comment = { ...payload.comment, in_reply_to_id: 284312000 };

    const { accepted } = await deliver("pull_request_review_comment", payload);

    expect(accepted.map((input) => input.intake)).toMatchObject([{ kind: "pr_review", commentId: 284312000 }]);
  });

  it("records nothing for an inline comment on another pull request, or an edited one", async () => {
    const edited = onBranch(
      example(
        "pull_request_review_comment",
        (candidate): candidate is PullRequestReviewCommentEditedEvent => candidate.action === "edited",
      ),
      TASK_BRANCH,
    );

    const results = [
      await deliver("pull_request_review_comment", commentCreated("changes")),
      await deliver("pull_request_review_comment", edited),
    ];

    expect(results.map((result) => result.accepted)).toEqual([[], []]);
  });
});
