import type { Probot } from "probot";
import { parseTaskBranch } from "../render/index.ts";
import type { IntakeSink } from "./intake-sink.ts";
import { repoRef, workflowKey } from "./payload.ts";

/** A check suite finished on a task branch: the worker reads every check on that commit. */
export function onCheckSuite(app: Probot, sink: IntakeSink): void {
  app.on("check_suite.completed", (context) => {
    const { payload } = context;
    const ref = repoRef(payload);
    const branch = payload.check_suite.head_branch;
    const task = branch ? parseTaskBranch(branch) : null;
    if (!ref || !task) return;
    sink.accept({
      deliveryId: context.id,
      event: context.name,
      action: payload.action,
      key: workflowKey(ref, task.issue),
      intake: {
        kind: "checks_completed",
        ref,
        sha: payload.check_suite.head_sha,
        headBranch: branch,
        suiteApp: payload.check_suite.app?.slug ? `${payload.check_suite.app.slug}[bot]` : null,
        deliveryId: context.id,
      },
    });
  });
}
