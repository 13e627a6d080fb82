import type { RepoConfig } from "../config/index.ts";
import type { CheckRunView } from "../render/index.ts";
import type { Decision } from "./decision.ts";
import { approvedWithPlan, ownApprovalReason, planCovers } from "./plan-approval.ts";
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

/**
 * An approval for this head that is not strong enough asks for a maintainer's; otherwise any writer's `/approve`, saying why
 * the plan's approval does not cover the head where the repository lets it approve tasks.
 */
function waiting(state: WorkflowState, task: TaskRecord, sha: string, review: string | null): CheckRunView {
  if (task.approvedSha === sha) return { kind: "needs_maintainer", riskReasons: task.riskReasons };
  const reason = ownApprovalReason(state, task, sha);
  return { kind: "ready_for_approval", ...(reason === null ? {} : { ownApproval: reason }), ...(review === null ? {} : { review }) };
}

/**
 * A green task merges once it holds a strong enough approval for its current head: its own, or the
 * plan's where `approval.tasks` lets the plan approve it (see `planCovers`); otherwise it waits for one.
 * `review`: the reviewer's words when it found nothing blocking, which the check run shows.
 */
export function afterReady(state: WorkflowState, task: TaskRecord, review: string | null = null): Decision {
  const sha = task.headSha ?? "";
  const held = task.approvedSha !== sha && planCovers(state, task, sha) ? approvedWithPlan(state, task, sha) : task;
  if (held.approvedSha === sha && approvalIsStrongEnough(held, state.config)) {
    const merging = { ...held, status: "merging" as const };
    return {
      state: withTask(state, merging),
      effects: [
        check(merging, sha, "success", { kind: "approved", by: held.approvedBy, sha, withPlan: held.approvedWithPlan }),
        { type: "merge_task", taskId: task.id, sha },
        { type: "update_status" },
      ],
    };
  }
  const ready = { ...task, status: "ready" as const };
  return {
    state: withTask(state, ready),
    effects: [check(ready, sha, "in_progress", waiting(state, task, sha, review)), { type: "update_status" }],
  };
}
