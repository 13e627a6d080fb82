import { WorkflowId } from "../../domain/ids.ts";
import type { EngineEvent } from "../../engine/events.ts";
import { closingTask } from "../../engine/pull-request-words.ts";
import type { WorkflowState } from "../../engine/types.ts";
import type { RepoGitHub } from "../../ports/github.ts";
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

/**
 * The merge that closed the issue: with `pullRequests.closesIssue`, the last task's pull request
 * says `Closes #issue`, and GitHub closes the issue when it merges. Read from the pull request
 * itself (one read), since the close may come before the merge's own webhook.
 */
async function closingMerge(github: RepoGitHub, state: WorkflowState): Promise<EngineEvent | null> {
  const task = closingTask(state);
  if (task === null || task.pr === null) return null;
  const pull = await github.getPullRequest(task.pr);
  return pull.merged ? { type: "task_merged", taskId: task.id, sha: pull.mergeCommitSha ?? pull.headSha } : null;
}

/**
 * The issue was closed or deleted: its open workflow stops, unless the close is the last task's
 * merge closing it, which ends the work as done. An issue without a workflow is none of Foreman's business.
 */
export async function planIssueClosed(deps: WorkerDeps, github: RepoGitHub, intake: Of<"issue_closed">): Promise<IntakePlan> {
  const id = WorkflowId.toString({ ...intake.ref, issue: intake.issue });
  const record = deps.store.getWorkflow(id);
  if (!record?.open) return NOTHING;
  const merge = intake.how === "closed" ? await closingMerge(github, record.state) : null;
  return routeTo(id, merge ?? { type: "issue_closed", how: intake.how, by: intake.sender.login });
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
