import type { RepoConfig } from "../config/index.ts";
import type { CheckRunView } from "../render/index.ts";
import type { Decision } from "./decision.ts";
import { check, withTask } from "./task-helpers.ts";
import type { TaskRecord, WorkflowState } from "./types.ts";

/** A high-risk task needs the approval of a maintainer, an admin, or someone the config names. */
function approvalIsStrongEnough(task: TaskRecord, config: RepoConfig): boolean {
  if (task.risk !== "high") return true;
  if (task.approvedPermission === "maintain" || task.approvedPermission === "admin") return true;
  return (
    task.approvedBy !== null && config.approval.highRiskApprovers.some((login) => login.toLowerCase() === task.approvedBy?.toLowerCase())
  );
}

/** An approval for this head that is not strong enough asks for a maintainer's; otherwise any writer's `/approve`. */
function waiting(task: TaskRecord, sha: string): CheckRunView {
  return task.approvedSha === sha ? { kind: "needs_maintainer", riskReasons: task.riskReasons } : { kind: "ready_for_approval" };
}

/** A green task merges once it holds a strong enough approval for its current head; otherwise it waits for one. */
export function afterReady(state: WorkflowState, task: TaskRecord): Decision {
  const sha = task.headSha ?? "";
  if (task.approvedSha === sha && approvalIsStrongEnough(task, state.config)) {
    const merging = { ...task, status: "merging" as const };
    return {
      state: withTask(state, merging),
      effects: [
        check(merging, sha, "success", { kind: "approved", by: task.approvedBy, sha }),
        { type: "merge_task", taskId: task.id, sha },
        { type: "update_status" },
      ],
    };
  }
  const ready = { ...task, status: "ready" as const };
  return { state: withTask(state, ready), effects: [check(ready, sha, "in_progress", waiting(task, sha)), { type: "update_status" }] };
}
