import { z } from "zod";
import { actingAccount, repoFrom, requireAccess, type RouteContext, type RouteResult } from "../context.ts";
import { ApiError } from "../errors.ts";
import { GitNotFastForwardError, GitRefUpdateConflictError } from "../git/errors.ts";
import { identityOf } from "../serializers/git.ts";
import { repositoryFullName } from "../serializers/repository.ts";
import { repoApi } from "../serializers/urls.ts";
import type { PullRequest, Repository } from "../state/types.ts";
import { GITHUB_COMMITTER, parseInput, pullFrom } from "./pulls-common.ts";
import { currentBaseSha, isPullOpen } from "./pulls-stats.ts";
import { onBranchMoved } from "./repos-branch-moved.ts";

const UpdateBranchBody = z.object({ expected_head_sha: z.string().optional() });

const headMoved = (): ApiError => new ApiError(422, "expected head sha didn't match current head ref.");

async function moveHead(repo: Repository, pull: PullRequest, sha: string): Promise<void> {
  try {
    await repo.git.updateRef(`heads/${pull.headRef}`, sha, { force: false });
  } catch (error) {
    if (error instanceof GitNotFastForwardError || error instanceof GitRefUpdateConflictError) throw headMoved();
    throw error;
  }
}

/**
 * `PUT /pulls/{pull_number}/update-branch`: merges the base branch into the head branch with a
 * new commit by the caller, then moves the head branch (push, synchronize, CI).
 */
export async function updatePullBranch(context: RouteContext): Promise<RouteResult> {
  const { core } = context;
  const repo = repoFrom(context);
  const pull = pullFrom(context, repo);
  requireAccess(context, repo, "pull_requests", "write");
  const input = parseInput(UpdateBranchBody, context.body);
  const sender = actingAccount(context);
  if (!isPullOpen(core, pull)) throw new ApiError(422, "Cannot update a closed pull request.");
  if (input.expected_head_sha !== undefined && input.expected_head_sha.toLowerCase() !== pull.headSha) throw headMoved();
  const base = await currentBaseSha(core, repo, pull);
  if (await repo.git.isAncestor(base, pull.headSha)) throw new ApiError(422, "There are no new commits on the base branch.");
  const result = await repo.git.merge({
    base: pull.headSha,
    head: base,
    method: "merge",
    message: `Merge branch '${pull.baseRef}' into ${pull.headRef}`,
    author: identityOf(sender),
    committer: GITHUB_COMMITTER,
  });
  if (result.conflict) throw new ApiError(422, "merge conflict between base and head");
  const before = pull.headSha;
  await moveHead(repo, pull, result.sha);
  await onBranchMoved(core, repo, { branch: pull.headRef, before, after: result.sha, sender, forced: false });
  const url = `${repoApi(core.urls, repositoryFullName(repo))}/pulls/${pull.number}`;
  return { status: 202, body: { message: "Updating pull request branch.", url } };
}
