import type { Probot } from "probot";
import { parseTaskBranch } from "../render/index.ts";
import type { IntakeSink } from "./intake-sink.ts";
import { repoRef, workflowKey } from "./payload.ts";

/**
 * A commit status changed (CI outside GitHub Actions reports this way) on a commit that heads a task
 * branch: the worker reads every check and status on that commit, as when a check suite completes.
 */
export function onStatus(app: Probot, sink: IntakeSink): void {
  app.on("status", (context) => {
    const { payload } = context;
    const ref = repoRef(payload);
    if (!ref || payload.state === "pending") return;
    // The branches whose head is the commit (GitHub lists up to ten); a task's commit heads its own branch only.
    const branch = payload.branches.find((candidate) => candidate.commit.sha === payload.sha && parseTaskBranch(candidate.name) !== null);
    const task = branch ? parseTaskBranch(branch.name) : null;
    if (!branch || !task) return;
    sink.accept({
      deliveryId: context.id,
      event: context.name,
      action: payload.state,
      key: workflowKey(ref, task.issue),
      intake: { kind: "checks_completed", ref, sha: payload.sha, headBranch: branch.name, suiteApp: null, deliveryId: context.id },
    });
  });
}
