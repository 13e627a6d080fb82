import type { SandboxCore } from "../core.ts";
import { evaluateRules } from "../protection/evaluate.ts";
import { isPullOpen } from "../routes/pulls-stats.ts";
import type { Account, MergeQueueEntry, PullRequest, Repository } from "../state/types.ts";
import { EnqueueRejectedError } from "./errors.ts";
import { mergeDirectly } from "./merge-pull.ts";
import { requiredChecksVerdict } from "./required-checks.ts";

export interface Enqueuer {
  isQueued(repo: Repository, pull: PullRequest): boolean;
  enqueue(
    repo: Repository,
    pull: PullRequest,
    by: Account,
    options: { expectedHeadOid: string | null; jump: boolean },
  ): Promise<MergeQueueEntry>;
}

/** Whether the pull request goes through its base branch's merge queue. */
export function goesThroughQueue(repo: Repository, pull: PullRequest): boolean {
  return repo.mergeQueue && pull.baseRef === repo.defaultBranch;
}

/**
 * Whether auto-merge would act on the pull request right now: its required checks passed, and
 * under protection rules its reviews too, and it is up to date when it merges directly.
 */
export async function readyToAutoMerge(core: SandboxCore, repo: Repository, pull: PullRequest): Promise<boolean> {
  const base = await repo.git.getRef(`heads/${pull.baseRef}`);
  const verdict = base === null ? null : await evaluateRules(core, repo, pull, base);
  if (verdict === null) return requiredChecksVerdict(core.store, repo, pull.headSha) === "success";
  const behind = verdict.behind && !goesThroughQueue(repo, pull);
  return !behind && verdict.reviews.satisfied && verdict.checksMessage === null;
}

async function enqueueOrMerge(core: SandboxCore, queue: Enqueuer, repo: Repository, pull: PullRequest, by: Account): Promise<void> {
  if (goesThroughQueue(repo, pull)) {
    try {
      await queue.enqueue(repo, pull, by, { expectedHeadOid: null, jump: false });
    } catch (error) {
      if (!(error instanceof EnqueueRejectedError)) throw error;
      core.logger.info({ pull: pull.number, reason: error.message }, "auto-merge could not enqueue the pull request");
    }
    return;
  }
  await mergeDirectly(core, repo, pull, by);
}

/**
 * Acts on every pull request with auto-merge enabled whose required checks passed: it joins the
 * merge queue when its base has one, or is merged directly otherwise.
 */
export async function evaluateAutoMerge(core: SandboxCore, queue: Enqueuer, repo: Repository): Promise<void> {
  for (const pull of core.store.pullsOf(repo.id)) {
    const autoMerge = pull.autoMerge;
    if (!autoMerge || !isPullOpen(core, pull) || queue.isQueued(repo, pull)) continue;
    if (!(await readyToAutoMerge(core, repo, pull))) continue;
    await enqueueOrMerge(core, queue, repo, pull, autoMerge.enabledBy);
  }
}
