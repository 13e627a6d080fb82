import type { SandboxCore } from "../core.ts";
import { GitError } from "../git/errors.ts";
import { GITHUB_COMMITTER } from "../routes/pulls-common.ts";
import { completePullMerge } from "../routes/pulls-merged.ts";
import { identityOf } from "../serializers/git.ts";
import { pullIssue } from "../serializers/pull.ts";
import type { Account, PullRequest, Repository } from "../state/types.ts";

/** The merge commit message GitHub writes: `Merge pull request #n from owner/branch` and the title. */
export function mergeMessage(core: SandboxCore, repo: Repository, pull: PullRequest): string {
  return `Merge pull request #${pull.number} from ${repo.owner.login}/${pull.headRef}\n\n${pullIssue(core, pull).title}`;
}

/**
 * Merges a pull request straight into its base (auto-merge without a queue). Returns false when
 * it conflicts or the base moved meanwhile, so a later pass can try again.
 */
export async function mergeDirectly(core: SandboxCore, repo: Repository, pull: PullRequest, by: Account): Promise<boolean> {
  const method = pull.autoMerge?.mergeMethod ?? "merge";
  const before = await repo.git.getRef(`heads/${pull.baseRef}`);
  if (before === null) return false;
  const title = pullIssue(core, pull).title;
  const message = method === "squash" ? `${title} (#${pull.number})` : mergeMessage(core, repo, pull);
  const result = await repo.git.merge({
    base: before,
    head: pull.headSha,
    message,
    method,
    author: identityOf(by),
    committer: GITHUB_COMMITTER,
  });
  if (result.conflict) return false;
  try {
    await repo.git.updateRef(`heads/${pull.baseRef}`, result.sha);
  } catch (error) {
    if (error instanceof GitError) return false;
    throw error;
  }
  pull.autoMerge = null;
  await completePullMerge(core, repo, pull, { mergeCommitSha: result.sha, baseBefore: before, mergedBy: by });
  return true;
}
