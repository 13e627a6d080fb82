import type { MergeRefusal } from "../domain/merge-refusal.ts";
import { GitHubCallError, isGone } from "../ports/errors.ts";
import { missingReviews } from "../render/merge-waiting.ts";
import type { RepoGitHub } from "../ports/github.ts";
import type { WorkflowState } from "../engine/types.ts";
import { eventJob } from "../store/job-kinds.ts";
import type { JobInput } from "../store/store.ts";

/** What Foreman says when it does not merge a head that lacks commits of the base. */
const behindReason = (commits: number, branch: string): string =>
  `${branch} has ${commits} commit(s) that the approved head lacks, so CI has not run on what the merge would make`;

/**
 * G3: the base commits `sha` lacks (0 when it holds the whole base), or null when `sha` is no
 * longer there to compare (the branch moved on).
 */
async function commitsBehind(github: RepoGitHub, base: string, sha: string): Promise<number | null> {
  try {
    return (await github.compareCommits(base, sha)).behindBy;
  } catch (error) {
    if (isGone(error)) return null;
    throw error;
  }
}

type Refused = { cause: MergeRefusal | null; reason: string };

/** Asks for the merge: whether GitHub merged or queued it, otherwise why not (a null cause: to be told apart). */
async function attemptMerge(
  github: RepoGitHub,
  state: WorkflowState,
  pr: { number: number; nodeId: string },
  sha: string,
): Promise<Refused | "merged" | "queued"> {
  const { mode } = state.config.merge;
  const useQueue = mode === "queue" || (mode === "auto" && (await github.repository()).mergeQueue);
  try {
    if (useQueue) {
      await github.enqueuePullRequest({ nodeId: pr.nodeId, expectedHeadOid: sha });
      return "queued";
    }
    const behind = await commitsBehind(github, state.defaultBranch, sha);
    if (behind === null) return { cause: "head_moved", reason: `${sha.slice(0, 7)} is no longer there to merge` };
    if (behind > 0) return { cause: "behind", reason: behindReason(behind, state.defaultBranch) };
    const result = await github.mergePullRequest({ number: pr.number, sha, method: state.config.merge.method });
    return result.merged ? "merged" : { cause: result.refusal, reason: result.message };
  } catch (error) {
    if (!(error instanceof GitHubCallError) || error.retryable) throw error;
    return { cause: null, reason: error.message };
  }
}

/**
 * Merges a task's pull request at `sha`, once the reviews the base branch's rules want are given
 * (otherwise the task waits on them: `task_dequeued` with cause `requirements`): through the merge queue when the config or the repository
 * says so (the queue tests the merge with the base itself); otherwise directly, and only a head
 * that holds the whole base (so CI ran on what the merge makes), with the `sha` guard; a direct
 * merge is reported as `task_merged` at once. A branch
 * that is behind, and every refusal, is reported as `task_dequeued` with its cause; a merge whose
 * answer was lost (refused when tried again) as `task_merged`. A rate limit or a server error
 * throws: the job waits and tries again.
 */
export async function mergeTask(github: RepoGitHub, state: WorkflowState, taskId: string, sha: string, outbox: JobInput[]): Promise<void> {
  const task = state.tasks[taskId];
  if (!task?.pr || !task.prNodeId) return;
  // A review the base branch's rules want is asked for before a merge GitHub would refuse (a write spent for nothing).
  const missing = missingReviews(await github.mergeRequirements(task.pr));
  if (missing !== null) {
    outbox.push(eventJob(state.id, { type: "task_dequeued", taskId, reason: missing, cause: "requirements" }));
    return;
  }
  const outcome = await attemptMerge(github, state, { number: task.pr, nodeId: task.prNodeId }, sha);
  if (outcome === "queued") return;
  // Merged now, or a merge whose answer was lost (refused or found behind when tried again): told at once, not only
  // by its webhook (whose event is then ignored as a repeat).
  if (outcome === "merged" || (await github.getPullRequest(task.pr)).merged) {
    outbox.push(eventJob(state.id, { type: "task_merged", taskId, sha }));
    return;
  }
  const cause = outcome.cause ?? ((await github.pullMergeable(task.pr)) === false ? "conflict" : "unknown");
  outbox.push(eventJob(state.id, { type: "task_dequeued", taskId, reason: outcome.reason, cause }));
}
