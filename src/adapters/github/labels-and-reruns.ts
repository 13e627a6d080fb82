import type { Octokit, Target } from "./octokit.ts";

const RERUNNABLE = new Set(["failure", "timed_out"]);

function isNotFound(error: unknown): boolean {
  return error instanceof Error && "status" in error && error.status === 404;
}

/** Adds labels to an issue or pull request; GitHub creates a label that does not exist yet. */
export async function addLabels(octokit: Octokit, target: Target, issue: number, labels: string[]): Promise<void> {
  if (labels.length === 0) return;
  await octokit.rest.issues.addLabels({ ...target, issue_number: issue, labels });
}

/** Removes a label; a label the issue does not carry (404) is already removed. */
export async function removeLabel(octokit: Octokit, target: Target, issue: number, label: string): Promise<void> {
  try {
    await octokit.rest.issues.removeLabel({ ...target, issue_number: issue, name: label });
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}

/** Re-runs the failed jobs of every completed, failed workflow run on `sha`; returns how many runs were re-run. */
export async function rerunFailedJobs(octokit: Octokit, target: Target, sha: string): Promise<number> {
  const { data } = await octokit.rest.actions.listWorkflowRunsForRepo({ ...target, head_sha: sha, status: "completed", per_page: 100 });
  const failed = data.workflow_runs.filter((run) => RERUNNABLE.has(run.conclusion ?? ""));
  for (const run of failed) await octokit.rest.actions.reRunWorkflowFailedJobs({ ...target, run_id: run.id });
  return failed.length;
}
