import { inferChangeType } from "../domain/conventional-commits.ts";
import type { Task } from "../plan/index.ts";
import type { TitleView } from "../render/index.ts";
import type { TaskRecord, WorkflowState } from "./types.ts";

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
 * With `pullRequests.closesIssue`, the one task not merged yet once every other is, when it has a
 * pull request: the one whose merge may have closed the issue (`Closes #issue`). Null otherwise.
 */
export function closingTask(state: WorkflowState): TaskRecord | null {
  if (!state.config.pullRequests.closesIssue) return null;
  const unmerged = (state.plan?.tasks ?? []).filter((task) => state.tasks[task.id]?.status !== "merged");
  const last = unmerged.length === 1 && unmerged[0] !== undefined ? state.tasks[unmerged[0].id] : undefined;
  return last !== undefined && last.pr !== null ? last : null;
}
