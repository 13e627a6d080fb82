import type { Probot } from "probot";
import { parseTaskMarker } from "../render/index.ts";
import type { IntakeSink } from "./intake-sink.ts";
import { repoRef, senderOf, workflowKey } from "./payload.ts";

/** New comments only: an edited comment is never a command. */
export function onIssueComment(app: Probot, sink: IntakeSink): void {
  app.on("issue_comment.created", (context) => {
    const { payload } = context;
    const ref = repoRef(payload);
    if (!ref) return;
    const isPullRequest = payload.issue.pull_request !== undefined;
    const marker = isPullRequest ? parseTaskMarker(payload.issue.body ?? "") : null;
    if (isPullRequest && !marker) return;
    sink.accept({
      deliveryId: context.id,
      event: context.name,
      action: payload.action,
      key: workflowKey(ref, marker ? marker.issue : payload.issue.number),
      intake: {
        kind: "issue_comment",
        ref,
        issue: payload.issue.number,
        pullRequestBody: isPullRequest ? (payload.issue.body ?? "") : null,
        commentId: payload.comment.id,
        body: payload.comment.body,
        createdAt: Date.parse(payload.comment.created_at),
        sender: senderOf(payload),
        deliveryId: context.id,
      },
    });
  });
}
