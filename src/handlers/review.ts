import type { Probot } from "probot";
import { parseTaskBranch } from "../render/index.ts";
import type { IntakeSink } from "./intake-sink.ts";
import { repoRef, senderOf, workflowKey } from "./payload.ts";

/** Reviews and inline review comments on a task's pull request, for the coder (writers only, checked later). */
export function onReview(app: Probot, sink: IntakeSink): void {
  app.on("pull_request_review.submitted", (context) => {
    const { payload } = context;
    const ref = repoRef(payload);
    const task = parseTaskBranch(payload.pull_request.head.ref);
    if (!ref || !task) return;
    sink.accept({
      deliveryId: context.id,
      event: context.name,
      action: payload.action,
      key: workflowKey(ref, task.issue),
      intake: {
        kind: "pr_review",
        ref,
        pr: payload.pull_request.number,
        headRef: payload.pull_request.head.ref,
        body: payload.review.body ?? "",
        commentId: null,
        sender: senderOf(payload),
        deliveryId: context.id,
      },
    });
  });
  app.on("pull_request_review_comment.created", (context) => {
    const { payload } = context;
    const ref = repoRef(payload);
    const task = parseTaskBranch(payload.pull_request.head.ref);
    if (!ref || !task) return;
    const { comment } = payload;
    sink.accept({
      deliveryId: context.id,
      event: context.name,
      action: payload.action,
      key: workflowKey(ref, task.issue),
      intake: {
        kind: "pr_review",
        ref,
        pr: payload.pull_request.number,
        headRef: payload.pull_request.head.ref,
        body: `On \`${comment.path}\` line ${comment.line ?? comment.original_line ?? "?"}:\n${comment.body}`,
        commentId: comment.in_reply_to_id ?? comment.id,
        sender: senderOf(payload),
        deliveryId: context.id,
      },
    });
  });
}
