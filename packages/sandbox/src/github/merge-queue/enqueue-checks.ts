import type { SandboxCore } from "../core.ts";
import { GitError } from "../git/errors.ts";
import { reviewVerdictFor, rulesFor } from "../protection/evaluate.ts";
import { enqueueRefusal } from "../protection/refusals.ts";
import { isPullOpen } from "../routes/pulls-stats.ts";
import type { PullRequest, Repository } from "../state/types.ts";
import { EnqueueRejectedError, NO_MERGE_QUEUE_MESSAGE } from "./errors.ts";

async function mergesCleanly(repo: Repository, pull: PullRequest, base: string | null): Promise<boolean> {
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
  const base = await repo.git.getRef(`heads/${pull.baseRef}`);
  if (!(await mergesCleanly(repo, pull, base))) throw new EnqueueRejectedError("Pull request is in dirty status");
  await requireReviews(core, repo, pull, base);
}

/** The queue takes a pull request only once the review rule is met; its checks are tested in the group. */
async function requireReviews(core: SandboxCore, repo: Repository, pull: PullRequest, base: string | null): Promise<void> {
  const rules = rulesFor(repo, pull);
  if (rules === null || base === null) return;
  const verdict = await reviewVerdictFor(core, repo, pull, rules, base);
  if (verdict.message !== null) throw new EnqueueRejectedError(enqueueRefusal(verdict.message));
}
