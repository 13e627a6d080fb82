import type { SandboxCore } from "../core.ts";
import { emitPullRequest } from "../routes/pulls-common.ts";
import { isPullOpen } from "../routes/pulls-stats.ts";
import type { Account, PullRequest, Repository } from "../state/types.ts";
import { mergeMethodRefusal } from "../protection/require-rules.ts";
import { goesThroughQueue, readyToAutoMerge } from "./auto-merge.ts";
import { EnqueueRejectedError } from "./errors.ts";

type AutoMergeMethod = "merge" | "squash" | "rebase";

export interface AutoMergeInput {
  mergeMethod: AutoMergeMethod;
  expectedHeadOid: string | null;
}

/**
 * Turns auto-merge on for a pull request (`enablePullRequestAutoMerge`). Without a merge queue,
 * a pull request that could merge right now is refused the way GitHub refuses it.
 */
export async function enableAutoMerge(
  core: SandboxCore,
  repo: Repository,
  pull: PullRequest,
  by: Account,
  input: AutoMergeInput,
): Promise<void> {
  if (!isPullOpen(core, pull)) throw new EnqueueRejectedError("Pull request is closed");
  if (input.expectedHeadOid !== null && input.expectedHeadOid.toLowerCase() !== pull.headSha) {
    throw new EnqueueRejectedError("Head branch was modified. Review and try the merge again.");
  }
  const queued = goesThroughQueue(repo, pull);
  const refusal = queued ? null : mergeMethodRefusal(repo, pull, input.mergeMethod);
  if (refusal !== null) throw new EnqueueRejectedError(refusal);
  if (!queued && (await readyToAutoMerge(core, repo, pull))) throw new EnqueueRejectedError("Pull request is in clean status");
  pull.autoMerge = { enabledBy: by, mergeMethod: input.mergeMethod };
  core.store.savePull(pull);
  await emitPullRequest(core, repo, pull, by, "auto_merge_enabled", { reason: "" });
}

/** Turns auto-merge off (`disablePullRequestAutoMerge`); a no-op when it was not on. */
export async function disableAutoMerge(core: SandboxCore, repo: Repository, pull: PullRequest, by: Account): Promise<void> {
  if (!pull.autoMerge) return;
  pull.autoMerge = null;
  core.store.savePull(pull);
  await emitPullRequest(core, repo, pull, by, "auto_merge_disabled", { reason: "" });
}
