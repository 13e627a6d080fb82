import { isFinished, isWatchedOnGitHub } from "../domain/task-status.ts";
import { isAwaitingRequirements } from "../engine/decide-awaiting.ts";
import type { EngineEvent } from "../engine/events.ts";
import type { TaskRecord } from "../engine/types.ts";
import { ciOutcome } from "../worker/ci-outcome.ts";
import type { PullRequestInfo, RepoReads } from "../ports/github.ts";
import { missingReviews } from "../render/merge-waiting.ts";

/**
 * The event a missed webhook would have brought for one task, from its pull request as it is now:
 * merged, closed (in any state the task is in), opened again after a close stopped the task, a new
 * head, CI completed on the head, or the review the base branch's rules waited for given. Null when
 * the task is up to date.
 */
export async function taskDrift(repo: RepoReads, task: TaskRecord, pull: PullRequestInfo): Promise<EngineEvent | null> {
  if (task.status === "cancelled") {
    const reopened = pull.state === "open" && pull.number === task.pr;
    return reopened ? { type: "task_reopened", taskId: task.id, pr: pull.number, sha: pull.headSha, by: null } : null;
  }
  if (isFinished(task.status)) return null;
  if (pull.merged) return { type: "task_merged", taskId: task.id, sha: pull.mergeCommitSha ?? pull.headSha };
  if (pull.state === "closed") return { type: "task_closed", taskId: task.id, pr: pull.number };
  if (!isWatchedOnGitHub(task.status)) return null;
  if (task.headSha !== null && pull.headSha !== task.headSha) {
    const by = (await repo.commitAuthor(pull.headSha)) ?? "someone";
    return { type: "head_changed", taskId: task.id, sha: pull.headSha, by };
  }
  // A review the base branch's rules waited for whose webhook was missed: the merge is tried again.
  if (isAwaitingRequirements(task)) {
    const missing = missingReviews(await repo.mergeRequirements(pull.number));
    return missing === null ? { type: "requirements_changed", taskId: task.id } : null;
  }
  if (task.status !== "ci_running" || task.headSha === null) return null;
  const outcome = ciOutcome(await repo.checksFor(task.headSha));
  return outcome ? { type: "ci_completed", taskId: task.id, sha: task.headSha, ...outcome } : null;
}
