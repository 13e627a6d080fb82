import type { Probot } from "probot";
import { parseTaskBranch } from "../render/index.ts";
import type { Intake } from "../worker/intake.ts";
import type { IntakeSink } from "./intake-sink.ts";
import { repoRef, senderOf, workflowKey, type RepoPayload } from "./payload.ts";

interface ReviewDelivery {
  id: string;
  name: string;
  payload: RepoPayload & { action: string; pull_request: { number: number; head: { ref: string } } };
}

/** Queues a review or review comment on a task's pull request; other pull requests are not Foreman's. */
type ReviewOf = Extract<Intake, { kind: "pr_review" }>["review"];

function acceptFeedback(sink: IntakeSink, delivery: ReviewDelivery, body: string, commentId: number | null, review: ReviewOf): void {
  const { payload } = delivery;
  const ref = repoRef(payload);
  const task = parseTaskBranch(payload.pull_request.head.ref);
  if (!ref || !task) return;
  sink.accept({
    deliveryId: delivery.id,
    event: delivery.name,
    action: payload.action,
    key: workflowKey(ref, task.issue),
    intake: {
      kind: "pr_review",
      ref,
      pr: payload.pull_request.number,
      headRef: payload.pull_request.head.ref,
      body,
      commentId,
      review,
      sender: senderOf(payload),
      deliveryId: delivery.id,
    },
  });
}

/** Reviews and inline review comments on a task's pull request, for the coder (writers only, checked later). */
export function onReview(app: Probot, sink: IntakeSink): void {
  app.on("pull_request_review.submitted", (context) => {
    const { review } = context.payload;
    const state = review.state.toLowerCase();
    const known = state === "approved" || state === "changes_requested" || state === "commented";
    acceptFeedback(sink, context, review.body ?? "", null, known ? { state, commitId: review.commit_id } : null);
  });
  app.on("pull_request_review_comment.created", (context) => {
    const { comment } = context.payload;
    const body = `On \`${comment.path}\` line ${comment.line ?? comment.original_line ?? "?"}:\n${comment.body}`;
    acceptFeedback(sink, context, body, comment.in_reply_to_id ?? comment.id, null);
  });
}
