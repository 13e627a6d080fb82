import type { RepoConfig } from "../config/index.ts";
import type { Decision } from "./decision.ts";
import { check, withTask } from "./task-helpers.ts";
import type { TaskRecord, WorkflowState } from "./types.ts";

/** A high-risk task needs the approval of a maintainer, an admin, or someone the config names. */
export function approvalIsStrongEnough(task: TaskRecord, config: RepoConfig): boolean {
  if (task.risk !== "high") return true;
  if (task.approvedPermission === "maintain" || task.approvedPermission === "admin") return true;
  return task.approvedBy !== null && config.approval.highRiskApprovers.some((login) => login.toLowerCase() === task.approvedBy?.toLowerCase());
}

function waiting(task: TaskRecord, sha: string): { title: string; summary: string } {
  if (task.approvedSha === sha) {
    const reasons = task.riskReasons.map((reason) => `- ${reason}`).join("\n");
    return {
      title: "Needs a maintainer's approval",
      summary: `This task is high risk, so \`/approve\` must come from a maintainer, an admin, or a user listed in \`approval.highRiskApprovers\`.\n${reasons}`,
    };
  }
  return { title: "Ready for approval", summary: "CI is green. A maintainer can comment `/approve` on this pull request." };
}

/** A green task merges once it holds a strong enough approval for its current head; otherwise it waits for one. */
export function afterReady(state: WorkflowState, task: TaskRecord): Decision {
  const sha = task.headSha ?? "";
  if (task.approvedSha === sha && approvalIsStrongEnough(task, state.config)) {
    const merging = { ...task, status: "merging" as const };
    return {
      state: withTask(state, merging),
      effects: [
        check(merging, sha, "success", "Approved", `Approved by @${task.approvedBy ?? "a maintainer"} for ${sha.slice(0, 7)}.`),
        { type: "merge_task", taskId: task.id, sha },
        { type: "update_status" },
      ],
    };
  }
  const ready = { ...task, status: "ready" as const };
  const { title, summary } = waiting(task, sha);
  return { state: withTask(state, ready), effects: [check(ready, sha, "in_progress", title, summary), { type: "update_status" }] };
}
