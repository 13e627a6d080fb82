import type { SandboxCore } from "../core.ts";
import { emitPullRequest } from "../routes/pulls-common.ts";
import type { Account, PullRequest, Repository } from "../state/types.ts";
import type { DequeueReason, DestroyReason, MergeGroup } from "./group.ts";

async function mergeGroupPayload(repo: Repository, group: MergeGroup): Promise<Record<string, unknown>> {
  const commit = await repo.git.getCommit(group.sha);
  return {
    head_sha: group.sha,
    head_ref: `refs/heads/${group.branch}`,
    base_sha: group.baseSha,
    base_ref: `refs/heads/${group.baseRef}`,
    head_commit: {
      id: commit.sha,
      tree_id: commit.tree,
      message: commit.message,
      timestamp: commit.committer.date,
      author: { name: commit.author.name, email: commit.author.email },
      committer: { name: commit.committer.name, email: commit.committer.email },
    },
  };
}

export async function emitChecksRequested(core: SandboxCore, repo: Repository, group: MergeGroup, sender: Account): Promise<void> {
  const mergeGroup = await mergeGroupPayload(repo, group);
  core.emit(repo, "merge_group", sender, { action: "checks_requested", merge_group: mergeGroup });
}

export async function emitGroupDestroyed(
  core: SandboxCore,
  repo: Repository,
  group: MergeGroup,
  sender: Account,
  reason: DestroyReason,
): Promise<void> {
  const mergeGroup = await mergeGroupPayload(repo, group);
  core.emit(repo, "merge_group", sender, { action: "destroyed", reason, merge_group: mergeGroup });
}

export function emitEnqueued(core: SandboxCore, repo: Repository, pull: PullRequest, sender: Account): Promise<void> {
  return emitPullRequest(core, repo, pull, sender, "enqueued");
}

export function emitDequeued(
  core: SandboxCore,
  repo: Repository,
  pull: PullRequest,
  sender: Account,
  reason: DequeueReason,
): Promise<void> {
  return emitPullRequest(core, repo, pull, sender, "dequeued", { reason });
}
