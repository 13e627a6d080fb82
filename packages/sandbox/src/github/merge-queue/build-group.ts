import type { SandboxCore } from "../core.ts";
import { GitNoCommonAncestorError } from "../git/errors.ts";
import { GITHUB_COMMITTER } from "../routes/pulls-common.ts";
import { identityOf } from "../serializers/git.ts";
import type { MergeQueueEntry, PullRequest, Repository } from "../state/types.ts";
import { groupBranchName, type MergeGroup } from "./group.ts";
import { mergeMessage } from "./merge-pull.ts";

export type BuildResult = { kind: "built"; group: MergeGroup } | { kind: "conflict" };

async function pointBranch(repo: Repository, branch: string, sha: string): Promise<void> {
  if ((await repo.git.getRef(`heads/${branch}`)) === null) await repo.git.createRef(`refs/heads/${branch}`, sha);
  else await repo.git.updateRef(`heads/${branch}`, sha, { force: true });
}

/**
 * Merges the entry's head onto `parentSha` (the base tip, or the group of the entry ahead) and
 * points the entry's `gh-readonly-queue/<base>/pr-<n>-<head>` branch at the result.
 */
export async function buildGroup(
  core: SandboxCore,
  repo: Repository,
  entry: MergeQueueEntry,
  pull: PullRequest,
  parentSha: string,
): Promise<BuildResult> {
  let result;
  try {
    result = await repo.git.merge({
      base: parentSha,
      head: entry.headSha,
      method: "merge",
      message: mergeMessage(core, repo, pull),
      author: identityOf(entry.enqueuer),
      committer: GITHUB_COMMITTER,
    });
  } catch (error) {
    if (error instanceof GitNoCommonAncestorError) return { kind: "conflict" };
    throw error;
  }
  if (result.conflict) return { kind: "conflict" };
  const branch = groupBranchName(entry.baseRef, pull.number, entry.headSha);
  await pointBranch(repo, branch, result.sha);
  return {
    kind: "built",
    group: { repoId: repo.id, entryId: entry.id, sha: result.sha, branch, baseSha: parentSha, baseRef: entry.baseRef },
  };
}
