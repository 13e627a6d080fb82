import type { Risk } from "../plan/index.ts";
import type { OwnApprovalReason } from "../render/index.ts";
import type { TaskRecord, WorkflowState } from "./types.ts";

/** The risks the plan's approval covers under each policy. */
const COVERED_RISKS: Readonly<Record<"plan" | "risk", ReadonlySet<Risk>>> = {
  plan: new Set(["low", "medium"]),
  risk: new Set(["low"]),
};

/** CI passed on `sha`, and the reviewer (when it reviews) found nothing blocking in it. */
function greenAndReviewed(state: WorkflowState, task: TaskRecord, sha: string): boolean {
  const green = task.ciResult?.sha === sha && task.ciResult.conclusion === "success";
  const reviewed = !state.config.qa.review.enabled || (task.reviewedSha === sha && task.reviewVerdict === "approve");
  return green && reviewed;
}

/** Whether the plan was approved by someone whose approval may count (with `separateApprover`, not the requester). */
function planApproverCounts(state: WorkflowState): boolean {
  const approver = state.planApprover;
  if (approver === null) return false;
  return !(state.config.approval.separateApprover && approver.login === state.requester);
}

/**
 * Why `sha` needs the task's own approval although the policy lets the plan approve tasks (someone
 * else pushed to the branch, or the task's risk is above what the policy covers); null
 * when the plan's approval covers it, or when the policy does not apply at all (see `planCovers`).
 */
export function ownApprovalReason(state: WorkflowState, task: TaskRecord, sha: string): OwnApprovalReason | null {
  const policy = state.config.approval.tasks;
  if (policy === "each" || !planApproverCounts(state)) return null;
  if (task.humanCommits || !task.ownCommits.includes(sha)) return { kind: "human_commits" };
  if (!COVERED_RISKS[policy].has(task.risk)) return { kind: "risk", risk: task.risk };
  return null;
}

/**
 * `approval.tasks: plan` or `risk`: a writer's approval of the plan approves a task's head when
 * Foreman made it (and every commit before it on the branch), its risk is one the policy covers,
 * CI passed on it and the reviewer found nothing blocking. With `planApproval: auto` no writer
 * approved the plan, and every task needs its own approval, as with `each`.
 */
export function planCovers(state: WorkflowState, task: TaskRecord, sha: string): boolean {
  if (state.config.approval.tasks === "each" || !planApproverCounts(state)) return false;
  return ownApprovalReason(state, task, sha) === null && greenAndReviewed(state, task, sha);
}

/** The task approved for `sha` by the plan's approval, with the approver's login and permission as recorded then. */
export function approvedWithPlan(state: WorkflowState, task: TaskRecord, sha: string): TaskRecord {
  const approver = state.planApprover;
  if (approver === null) return task;
  return { ...task, approvedSha: sha, approvedBy: approver.login, approvedPermission: approver.permission, approvedWithPlan: true };
}
