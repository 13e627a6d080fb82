import { CheckRunId, WorkflowId } from "../domain/ids.ts";
import type { RepoGitHub } from "../ports/github.ts";
import { parseTaskBranch, renderCheckRunOutput } from "../render/index.ts";
import type { WorkerDeps } from "./deps.ts";
import type { Intake } from "./intake.ts";
import { notTaskCheck, requiresForemanCheck } from "./intake/not-task.ts";
import { answer, answerForRepository, NOTHING, type IntakePlan } from "./intake/routed.ts";

/** `refs/heads/gh-readonly-queue/<base>/pr-<number>-<sha>` names the pull request at the head of a group. */
function groupPullNumber(headRef: string): number | null {
  const match = /gh-readonly-queue\/.+\/pr-(\d+)-[0-9a-f]{40}$/.exec(headRef);
  return match?.[1] ? Number(match[1]) : null;
}

/**
 * The `Foreman` check on a merge group's commit: success when the group's pull request is a
 * Foreman task approved for its current head, so the queue shows Foreman's approval beside the
 * repository's own required checks. A group whose pull request is not a task passes where the
 * base branch requires the check (and gets no check elsewhere), so requiring it gates only Foreman's work.
 */
export async function planMergeGroup(
  deps: WorkerDeps,
  github: RepoGitHub,
  intake: Extract<Intake, { kind: "merge_group" }>,
): Promise<IntakePlan> {
  const number = groupPullNumber(intake.headRef);
  if (number === null) return NOTHING;
  const pull = await github.getPullRequest(number);
  const branch = parseTaskBranch(pull.headRef);
  if (!branch) {
    if (!(await requiresForemanCheck(github, pull.baseRef))) return NOTHING;
    return answerForRepository(intake.ref, [notTaskCheck(intake.ref, number, intake.headSha, "merge_group")]);
  }
  const workflowId = WorkflowId.toString({ ...intake.ref, issue: branch.issue });
  const task = deps.store.getWorkflow(workflowId)?.state.tasks[branch.taskId];
  const approved = task !== undefined && task.approvedSha === pull.headSha;
  const output = renderCheckRunOutput({
    kind: "merge_group",
    pr: number,
    approval: approved ? { by: task.approvedBy, sha: pull.headSha } : null,
  });
  const externalId = CheckRunId.toString({ workflowId, taskId: branch.taskId, on: "merge_group" });
  return answer(workflowId, [
    { type: "report_check", sha: intake.headSha, externalId, state: approved ? "success" : "failure", ...output },
  ]);
}
