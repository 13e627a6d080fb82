import type { Probot } from "probot";
import { parseTaskBranch } from "../render/index.ts";
import type { IntakeSink } from "./intake-sink.ts";
import { repoRef, senderOf, workflowKey } from "./payload.ts";

export function onPullRequest(app: Probot, sink: IntakeSink): void {
  app.on(["pull_request.synchronize", "pull_request.closed", "pull_request.dequeued"], (context) => {
    const { payload } = context;
    const ref = repoRef(payload);
    const task = parseTaskBranch(payload.pull_request.head.ref);
    if (!ref || !task) return;
    const common = { ref, pr: payload.pull_request.number, headRef: payload.pull_request.head.ref, deliveryId: context.id };
    const intake =
      payload.action === "synchronize"
        ? { kind: "pr_synchronize" as const, ...common, sha: payload.pull_request.head.sha, sender: senderOf(payload) }
        : payload.action === "closed"
          ? {
              kind: "pr_closed" as const,
              ...common,
              merged: payload.pull_request.merged === true,
              sha: payload.pull_request.merge_commit_sha ?? payload.pull_request.head.sha,
            }
          : { kind: "pr_dequeued" as const, ...common, reason: "reason" in payload ? String(payload.reason) : "dequeued" };
    sink.accept({ deliveryId: context.id, event: context.name, action: payload.action, key: workflowKey(ref, task.issue), intake });
  });
}
