import { workflowId, type WorkflowState } from "../engine/types.ts";
import type { RepoGitHub } from "../ports/github.ts";
import { parseTaskBranch } from "../render/index.ts";
import { FOREMAN_CHECK } from "./ci-outcome.ts";
import type { WorkerDeps } from "./deps.ts";
import type { Intake } from "./intake.ts";

/** `refs/heads/gh-readonly-queue/<base>/pr-<number>-<sha>` names the pull request at the head of a group. */
export function groupPullNumber(headRef: string): number | null {
  const match = /gh-readonly-queue\/.+\/pr-(\d+)-[0-9a-f]{40}$/.exec(headRef);
  return match?.[1] ? Number(match[1]) : null;
}

/**
 * Reports the `Foreman` check on a merge group's commit: success when the group's pull request
 * is a Foreman task approved for its current head, so a required `Foreman` check gates the queue.
 */
export async function reportMergeGroup(deps: WorkerDeps, github: RepoGitHub, intake: Extract<Intake, { kind: "merge_group" }>): Promise<void> {
  const number = groupPullNumber(intake.headRef);
  if (number === null) return;
  const pull = await github.getPullRequest(number);
  const branch = parseTaskBranch(pull.headRef);
  if (!branch) return;
  const state = deps.store.getWorkflow<WorkflowState>(workflowId(intake.ref, branch.issue))?.state;
  const task = state?.tasks[branch.taskId];
  const approved = task !== undefined && task.approvedSha === pull.headSha;
  await github.ensureCheckRun({
    sha: intake.headSha,
    name: FOREMAN_CHECK,
    externalId: `${workflowId(intake.ref, branch.issue)}/${branch.taskId}/merge-group`,
    status: "completed",
    conclusion: approved ? "success" : "failure",
    title: approved ? "Approved" : "Not approved",
    summary: approved
      ? `Pull request #${number} was approved by @${task.approvedBy ?? "a maintainer"} for ${pull.headSha.slice(0, 7)}.`
      : `Pull request #${number} has no approval for its head commit; a writer must comment \`/approve\` on it.`,
  });
}
