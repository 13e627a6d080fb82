import { WorkflowId } from "../../domain/ids.ts";
import { isAppLogin } from "../../ports/github-types.ts";
import { parseTaskBranch } from "../../render/index.ts";
import type { WorkerDeps } from "../deps.ts";
import type { Intake } from "../intake.ts";
import { NOTHING, routeTo, type IntakePlan } from "./routed.ts";

type Of<K extends Intake["kind"]> = Extract<Intake, { kind: K }>;

/** The workflow and task of a task branch, or null for any other branch. */
function taskOf(intake: Of<"pr_closed" | "pr_reopened">): { workflowId: string; taskId: string } | null {
  const branch = parseTaskBranch(intake.headRef);
  return branch ? { workflowId: WorkflowId.toString({ ...intake.ref, issue: branch.issue }), taskId: branch.taskId } : null;
}

/** The issue was closed or deleted: its open workflow stops. An issue without one is none of Foreman's business. */
export function planIssueClosed(deps: WorkerDeps, intake: Of<"issue_closed">): IntakePlan {
  const id = WorkflowId.toString({ ...intake.ref, issue: intake.issue });
  if (!deps.store.getWorkflow(id)?.open) return NOTHING;
  return routeTo(id, { type: "issue_closed", how: intake.how, by: intake.sender.login });
}

/**
 * A task's pull request was closed: merged, or closed unmerged by someone, which stops the task.
 * A close by Foreman itself (`/cancel`, a stopped workflow) is already known to the workflow.
 */
export function planPullRequestClosed(deps: WorkerDeps, intake: Of<"pr_closed">): IntakePlan {
  const task = taskOf(intake);
  if (!task) return NOTHING;
  if (intake.merged) return routeTo(task.workflowId, { type: "task_merged", taskId: task.taskId, sha: intake.sha });
  if (isAppLogin(intake.sender.login, deps.botLogin)) return NOTHING;
  return routeTo(task.workflowId, { type: "task_closed", taskId: task.taskId, pr: intake.pr, by: intake.sender.login });
}

/** A task's pull request was opened again: a task stopped by its close goes on. Foreman never reopens one itself. */
export function planPullRequestReopened(deps: WorkerDeps, intake: Of<"pr_reopened">): IntakePlan {
  const task = taskOf(intake);
  if (!task || isAppLogin(intake.sender.login, deps.botLogin)) return NOTHING;
  return routeTo(task.workflowId, { type: "task_reopened", taskId: task.taskId, pr: intake.pr, sha: intake.sha, by: intake.sender.login });
}
