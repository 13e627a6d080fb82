import type { SandboxCore } from "../core.ts";
import { GitError, GitRefNotFoundError } from "../git/errors.ts";
import { completePullMerge } from "../routes/pulls-merged.ts";
import { pullIssue } from "../serializers/pull.ts";
import type { Account, MergeQueueEntry, Repository } from "../state/types.ts";
import { buildGroup } from "./build-group.ts";
import { emitChecksRequested, emitDequeued, emitGroupDestroyed } from "./events.ts";
import type { DequeueReason, DestroyReason, MergeGroup } from "./group.ts";
import type { QueueBook } from "./queue-book.ts";
import { requiredChecksVerdict } from "./required-checks.ts";

export interface QueueContext {
  core: SandboxCore;
  book: QueueBook;
}

/** More rounds than this means something keeps changing under the queue; the next event resumes it. */
const MAX_ROUNDS = 50;

/** Takes an entry out of the queue with GitHub's webhooks: its group destroyed, then the pull request dequeued. */
export async function removeEntry(
  ctx: QueueContext,
  repo: Repository,
  entry: MergeQueueEntry,
  reason: DequeueReason,
  sender: Account,
  destroy: DestroyReason,
): Promise<void> {
  const group = ctx.book.remove(entry);
  if (group) await emitGroupDestroyed(ctx.core, repo, group, sender, destroy);
  const pull = ctx.core.store.pull(repo.id, entry.pullNumber);
  if (!pull) return;
  pull.autoMerge = null;
  await emitDequeued(ctx.core, repo, pull, sender, reason);
}

/** Drops entries whose pull request was merged, closed or pushed to since it was queued. */
async function sweep(ctx: QueueContext, repo: Repository): Promise<void> {
  for (const group of ctx.book.abandonedGroups(repo.id)) {
    await emitGroupDestroyed(ctx.core, repo, group, repo.owner, "dequeued");
  }
  for (const entry of ctx.book.ordered(repo.id, repo.defaultBranch)) {
    const pull = ctx.core.store.pull(repo.id, entry.pullNumber);
    if (!pull || pull.merged) await removeEntry(ctx, repo, entry, "ALREADY_MERGED", entry.enqueuer, "dequeued");
    else if (pullIssue(ctx.core, pull).state !== "open" || pull.headSha !== entry.headSha) {
      await removeEntry(ctx, repo, entry, "MANUAL", entry.enqueuer, "dequeued");
    }
  }
}

async function startGroup(ctx: QueueContext, repo: Repository, entry: MergeQueueEntry, group: MergeGroup): Promise<void> {
  ctx.book.setGroup(entry, group);
  await emitChecksRequested(ctx.core, repo, group, entry.enqueuer);
  const ci = ctx.core.ci;
  if (ci) ctx.core.spawn(() => ci.trigger({ repo, sha: group.sha, event: "merge_group", headBranch: group.branch, pullNumbers: [] }));
}

/** Builds (or rebuilds, when what it was built on changed) each entry's group, in queue order. */
async function buildGroups(ctx: QueueContext, repo: Repository): Promise<void> {
  let parent = await repo.git.getRef(`heads/${repo.defaultBranch}`);
  for (const entry of ctx.book.ordered(repo.id, repo.defaultBranch)) {
    const pull = ctx.core.store.pull(repo.id, entry.pullNumber);
    if (parent === null || !pull || !ctx.book.isQueued(entry)) continue;
    const current = ctx.book.groupOf(entry);
    if (current?.baseSha === parent) {
      parent = current.sha;
      continue;
    }
    const stale = ctx.book.clearGroup(entry);
    if (stale) await emitGroupDestroyed(ctx.core, repo, stale, entry.enqueuer, "invalidated");
    const built = await buildGroup(ctx.core, repo, entry, pull, parent);
    if (built.kind === "conflict") {
      entry.state = "UNMERGEABLE";
      await removeEntry(ctx, repo, entry, "MERGE_CONFLICT", entry.enqueuer, "dequeued");
    } else if (!ctx.book.isQueued(entry)) {
      ctx.book.orphan(repo.id, built.group.branch, built.group.sha);
    } else {
      await startGroup(ctx, repo, entry, built.group);
      parent = built.group.sha;
    }
  }
}

/**
 * Fast-forwards the base to the group and records the merge; false when the base moved meanwhile,
 * or the pull request's head did (a push dequeues it, as on GitHub: the next pass sweeps it out).
 */
async function land(ctx: QueueContext, repo: Repository, entry: MergeQueueEntry, group: MergeGroup): Promise<boolean> {
  const pull = ctx.core.store.pull(repo.id, entry.pullNumber);
  const before = await repo.git.getRef(`heads/${group.baseRef}`);
  if (!pull || before !== group.baseSha || pull.headSha !== entry.headSha) return false;
  try {
    await repo.git.updateRef(`heads/${group.baseRef}`, group.sha);
  } catch (error) {
    if (error instanceof GitError) return false;
    throw error;
  }
  entry.state = "MERGEABLE";
  ctx.book.remove(entry);
  pull.autoMerge = null;
  // A push after this point came after the merge: the merged pull request keeps the head the group was built from.
  pull.headSha = entry.headSha;
  const mergedBy = entry.enqueuer;
  await completePullMerge(ctx.core, repo, pull, { mergeCommitSha: group.sha, baseBefore: before, mergedBy });
  await emitDequeued(ctx.core, repo, pull, mergedBy, "MERGE");
  await emitGroupDestroyed(ctx.core, repo, group, mergedBy, "merged");
  return true;
}

/** Merges or ejects the first entry once its required checks decided; true when the queue changed. */
async function settleHead(ctx: QueueContext, repo: Repository): Promise<boolean> {
  const head = ctx.book.ordered(repo.id, repo.defaultBranch)[0];
  const group = head ? ctx.book.groupOf(head) : undefined;
  if (!head || !group) return false;
  const verdict = requiredChecksVerdict(ctx.core.store, repo, group.sha);
  if (verdict === "pending") return false;
  if (verdict === "failure") {
    await removeEntry(ctx, repo, head, "CI_FAILURE", head.enqueuer, "dequeued");
    return true;
  }
  await land(ctx, repo, head, group);
  return true;
}

async function deleteOrphans(ctx: QueueContext, repo: Repository): Promise<void> {
  for (const [branch, sha] of ctx.book.takeOrphans(repo.id)) {
    if ((await repo.git.getRef(`heads/${branch}`)) !== sha) continue;
    try {
      await repo.git.deleteRef(`heads/${branch}`);
    } catch (error) {
      if (!(error instanceof GitRefNotFoundError)) throw error;
    }
  }
}

/** One pass over a repository's queue: drop stale entries, build groups, merge or eject the head. */
export async function processQueue(ctx: QueueContext, repo: Repository): Promise<void> {
  if (repo.mergeQueue) {
    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      await sweep(ctx, repo);
      await buildGroups(ctx, repo);
      if (!(await settleHead(ctx, repo))) break;
    }
  }
  await deleteOrphans(ctx, repo);
}
