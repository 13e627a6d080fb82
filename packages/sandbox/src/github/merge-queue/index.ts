import type { SandboxCore } from "../core.ts";
import type { Account, PullRequest, Repository } from "../state/types.ts";
import { MergeQueue } from "./merge-queue.ts";

export { MergeQueue, type EnqueueOptions } from "./merge-queue.ts";
export { EnqueueRejectedError, NO_MERGE_QUEUE_MESSAGE } from "./errors.ts";
export { readyToAutoMerge } from "./auto-merge.ts";
export type { AutoMergeInput, AutoMergeMethod } from "./auto-merge-requests.ts";
export type { DequeueReason, DestroyReason, MergeGroup } from "./group.ts";

/** The core's merge queue service, when it is the sandbox's `MergeQueue`. */
export function mergeQueueOf(core: SandboxCore): MergeQueue | null {
  return core.mergeQueue instanceof MergeQueue ? core.mergeQueue : null;
}

/**
 * Tells the merge queue (and auto-merge) that a check run on `sha` was created or changed, so
 * required checks on a merge group or a pull request head are re-evaluated.
 */
export function onCheckRunChanged(core: SandboxCore, repo: Repository, sha: string): void {
  mergeQueueOf(core)?.checksChanged(repo, sha);
}

/**
 * Tells the merge queue a pull request was closed, reopened or pushed to: a queued entry whose
 * pull request closed or whose head moved is removed.
 */
export function onPullRequestChanged(core: SandboxCore, repo: Repository): void {
  mergeQueueOf(core)?.schedule(repo);
}

/**
 * Takes a pull request that was closed without merging out of the queue: its merge group is
 * destroyed (reason `dequeued`), `pull_request.dequeued` (reason `MANUAL`) is sent and the entries
 * behind it are rebuilt. Returns false when it was not queued.
 */
export async function onPullRequestClosed(core: SandboxCore, repo: Repository, pull: PullRequest, sender: Account): Promise<boolean> {
  const queue = mergeQueueOf(core);
  if (!queue?.isQueued(repo, pull)) return false;
  await queue.dequeue(repo, pull, sender);
  return true;
}
