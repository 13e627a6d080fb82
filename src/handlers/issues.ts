import type { Probot } from "probot";
import type { IntakeSink } from "./intake-sink.ts";
import { repoRef, senderOf, workflowKey } from "./payload.ts";

export function onIssueLabeled(app: Probot, sink: IntakeSink): void {
  app.on("issues.labeled", (context) => {
    const { payload } = context;
    const ref = repoRef(payload);
    if (!ref || !payload.label) return;
    sink.accept({
      deliveryId: context.id,
      event: context.name,
      action: payload.action,
      key: workflowKey(ref, payload.issue.number),
      intake: {
        kind: "issue_labeled",
        ref,
        issue: payload.issue.number,
        issueTitle: payload.issue.title,
        label: payload.label.name,
        sender: senderOf(payload),
        deliveryId: context.id,
      },
    });
  });
}
