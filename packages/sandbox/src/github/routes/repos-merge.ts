import { z } from "zod";
import { actingAccount, repoFrom, requireAccess, type RouteContext, type RouteResult } from "../context.ts";
import { ApiError } from "../errors.ts";
import { GitNoCommonAncestorError, GitNotFastForwardError, GitRefUpdateConflictError } from "../git/errors.ts";
import { identityOf, serializeCommit } from "../serializers/git.ts";
import { gitCall, readBody } from "./git-data-common.ts";
import { onBranchMoved } from "./repos-branch-moved.ts";
import { commitFiles } from "./repos-commits.ts";

const MergeBody = z.object({ base: z.string(), head: z.string(), commit_message: z.string().optional() });

/** GitHub commits merges made through the API as itself, on behalf of the caller. */
const WEB_FLOW_COMMITTER = { name: "GitHub", email: "noreply@github.com" };

const mergeConflict = (): ApiError => new ApiError(409, "Merge conflict");

/**
 * `POST /merges`: merges `head` (branch or SHA) into the `base` branch with a merge commit.
 * 204 when `base` already contains `head`, 409 on conflicts.
 */
export async function mergeRoute(context: RouteContext): Promise<RouteResult> {
  const repo = repoFrom(context);
  requireAccess(context, repo, "contents", "write");
  const body = readBody(MergeBody, context.body);
  const baseSha = await repo.git.getRef(`heads/${body.base}`);
  if (baseSha === null) throw new ApiError(404, "Base does not exist");
  const headSha = await repo.git.resolve(body.head);
  if (headSha === null) throw new ApiError(404, "Head does not exist");
  if (await repo.git.isAncestor(headSha, baseSha)) return { status: 204 };
  const sender = actingAccount(context);
  const message = body.commit_message ?? `Merge ${body.head} into ${body.base}`;
  const input = {
    base: baseSha,
    head: headSha,
    message,
    method: "merge" as const,
    author: identityOf(sender),
    committer: WEB_FLOW_COMMITTER,
  };
  const result = await gitCall(
    () => repo.git.merge(input),
    (error) => (error instanceof GitNoCommonAncestorError ? mergeConflict() : undefined),
  );
  if (result.conflict) throw mergeConflict();
  await gitCall(
    () => repo.git.updateRef(`heads/${body.base}`, result.sha),
    (error) => (error instanceof GitNotFastForwardError || error instanceof GitRefUpdateConflictError ? mergeConflict() : undefined),
  );
  await onBranchMoved(context.core, repo, { branch: body.base, before: baseSha, after: result.sha, sender, forced: false });
  const info = await repo.git.getCommit(result.sha);
  return { status: 201, body: serializeCommit(context.core, repo, info, await commitFiles(repo, info)) };
}
