import { GitHubCallError } from "../ports/errors.ts";
import type { RepoGitHub } from "../ports/github.ts";
import type { WorkflowState } from "../engine/types.ts";
import { eventJob } from "../store/job-kinds.ts";
import type { JobInput } from "../store/store.ts";

/**
 * Merges a task's pull request at `sha`: through the merge queue when the config or the repository
 * says so, otherwise directly with a SHA guard. A refusal is reported as `task_dequeued`; a merge
 * whose answer was lost (refused when tried again) as `task_merged`.
 */
export async function mergeTask(github: RepoGitHub, state: WorkflowState, taskId: string, sha: string, outbox: JobInput[]): Promise<void> {
  const task = state.tasks[taskId];
  if (!task?.pr || !task.prNodeId) return;
  const { mode } = state.config.merge;
  const useQueue = mode === "queue" || (mode === "auto" && (await github.repository()).mergeQueue);
  const refused = (reason: string): void => {
    outbox.push(eventJob(state.id, { type: "task_dequeued", taskId, reason }));
  };
  try {
    if (useQueue) {
      await github.enqueuePullRequest({ nodeId: task.prNodeId, expectedHeadOid: sha });
      return;
    }
    const result = await github.mergePullRequest({ number: task.pr, sha, method: state.config.merge.method });
    if (!result.merged) refused(result.message);
  } catch (error) {
    if (!(error instanceof GitHubCallError) || error.retryable) throw error;
    // A merge whose answer was lost is refused when tried again: it already happened.
    const pull = await github.getPullRequest(task.pr);
    if (pull.merged) outbox.push(eventJob(state.id, { type: "task_merged", taskId, sha }));
    else refused(error.message);
  }
}
