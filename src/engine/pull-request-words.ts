import { inferChangeType } from "../domain/conventional-commits.ts";
import type { Task } from "../plan/index.ts";
import type { TitleView } from "../render/index.ts";
import type { WorkflowState } from "./types.ts";

/**
 * What a task's pull request is titled from: the workflow's title style, and the task's type and
 * scope from the plan (a type the plan left out inferred from the task and the issue).
 */
export function taskTitleView(state: WorkflowState, task: Task): TitleView {
  const type =
    task.type ?? inferChangeType({ title: task.title, issueTitle: state.issueTitle, files: task.files.map((file) => file.path) });
  return { style: state.pullRequestTitles, issue: state.issue, title: task.title, type, scope: task.scope };
}

/** Every task of the plan but `taskId` is merged. */
function othersMerged(state: WorkflowState, taskId: string): boolean {
  const tasks = state.plan?.tasks ?? [];
  return tasks.some((task) => task.id === taskId) && tasks.every((task) => task.id === taskId || state.tasks[task.id]?.status === "merged");
}

/**
 * Whether the task's pull request, opened now, says `Closes #issue`: with `pullRequests.closesIssue`,
 * only when every other task is merged already, so that its merge is certainly the last one (a plan
 * that ends with tasks side by side has no such task, and Foreman closes the issue itself).
 */
export function closesIssueOnMerge(state: WorkflowState, taskId: string): boolean {
  return state.config.pullRequests.closesIssue && othersMerged(state, taskId);
}

/**
 * Whether a close of the issue is most likely the last task's merge closing it (`Closes #issue`):
 * `pullRequests.closesIssue` is on, every other task is merged and that task's merge is under way.
 * Its `task_merged` then ends the work as completed; should the merge not happen, the reconciler
 * finds the issue closed again and the work stops.
 */
export function closedByLastMerge(state: WorkflowState): boolean {
  if (!state.config.pullRequests.closesIssue) return false;
  const merging = Object.values(state.tasks).filter((task) => task.status === "merging");
  return merging.length === 1 && merging[0] !== undefined && othersMerged(state, merging[0].id);
}
