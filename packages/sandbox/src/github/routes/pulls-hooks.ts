import type { SandboxCore } from "../core.ts";
import type { Account, PullRequest, Repository } from "../state/types.ts";

/**
 * Runs after a pull request was closed without being merged (`PATCH /pulls/{n}` with
 * `state: closed`): a queued pull request leaves the merge queue as on GitHub; the queue destroys
 * its group and sends `pull_request.dequeued` with reason `MANUAL`.
 */
export async function onPullClosed(core: SandboxCore, repo: Repository, pull: PullRequest, sender: Account): Promise<void> {
  const queue = core.mergeQueue;
  if (queue?.isQueued(repo, pull)) await queue.dequeue(repo, pull, sender);
}
