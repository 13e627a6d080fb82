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

/** `issues.closed` and `issues.deleted`: the issue's workflow, if it has one, stops (decided later). */
export function onIssueClosed(app: Probot, sink: IntakeSink): void {
  app.on(["issues.closed", "issues.deleted"], (context) => {
    const { payload } = context;
    const ref = repoRef(payload);
    if (!ref) return;
    const how = payload.action === "deleted" ? "deleted" : payload.issue.state_reason === "not_planned" ? "not_planned" : "closed";
    sink.accept({
      deliveryId: context.id,
      event: context.name,
      action: payload.action,
      key: workflowKey(ref, payload.issue.number),
      intake: { kind: "issue_closed", ref, issue: payload.issue.number, how, sender: senderOf(payload), deliveryId: context.id },
    });
  });
}
