import type { SandboxCore } from "../core.ts";
import { GitError } from "../git/errors.ts";
import { isPullOpen } from "../routes/pulls-stats.ts";
import type { PullRequest, Repository } from "../state/types.ts";
import { EnqueueRejectedError, NO_MERGE_QUEUE_MESSAGE } from "./errors.ts";

async function mergesCleanly(repo: Repository, pull: PullRequest): Promise<boolean> {
  const base = await repo.git.getRef(`heads/${pull.baseRef}`);
  if (base === null) return false;
  try {
    return !(await repo.git.tryMergeTree(base, pull.headSha)).conflict;
  } catch (error) {
    if (error instanceof GitError) return false;
    throw error;
  }
}

/** What GitHub checks before it lets a pull request into the queue of its base branch. */
export async function requireEnqueueable(
  core: SandboxCore,
  repo: Repository,
  pull: PullRequest,
  expectedHeadOid: string | null,
): Promise<void> {
  if (!repo.mergeQueue || pull.baseRef !== repo.defaultBranch) throw new EnqueueRejectedError(NO_MERGE_QUEUE_MESSAGE);
  if (pull.merged) throw new EnqueueRejectedError("Pull request is already merged");
  if (!isPullOpen(core, pull)) throw new EnqueueRejectedError("Pull request is closed");
  if (expectedHeadOid !== null && expectedHeadOid.toLowerCase() !== pull.headSha) {
    throw new EnqueueRejectedError("Head branch was modified. Review and try the merge again.");
  }
  if (pull.draft) throw new EnqueueRejectedError("Pull request is in draft status");
  if (!(await mergesCleanly(repo, pull))) throw new EnqueueRejectedError("Pull request is in dirty status");
}
