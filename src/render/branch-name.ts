import { TASK_ID_PATTERN } from "../plan/plan.ts";
import { InvalidTaskReferenceError } from "./errors.ts";

export type TaskBranch = { issue: number; taskId: string };

const BRANCH = /^(?:refs\/heads\/)?foreman\/([1-9][0-9]{0,15})\/([a-z][a-z0-9-]{0,30})$/;

/** `foreman/<issue>/<task-id>`: the one branch of a task, whatever attempt it is on. */
export function formatTaskBranch(issue: number, taskId: string): string {
  assertIssueNumber(issue);
  if (!TASK_ID_PATTERN.test(taskId)) throw new InvalidTaskReferenceError(`invalid task id ${JSON.stringify(taskId)}`);
  return `foreman/${issue}/${taskId}`;
}

/** The issue and task of a Foreman branch (with or without `refs/heads/`), or null for any other branch. */
export function parseTaskBranch(name: string): TaskBranch | null {
  const match = BRANCH.exec(name);
  if (!match?.[1] || !match[2]) return null;
  const issue = Number(match[1]);
  return Number.isSafeInteger(issue) ? { issue, taskId: match[2] } : null;
}

export function assertIssueNumber(issue: number): void {
  if (!Number.isSafeInteger(issue) || issue < 1) throw new InvalidTaskReferenceError(`invalid issue number ${issue}`);
}
