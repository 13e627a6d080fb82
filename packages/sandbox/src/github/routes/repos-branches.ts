import { paged, repoFrom, type RouteContext, type RouteResult } from "../context.ts";
import { ApiError } from "../errors.ts";
import { serializeBranch, serializeShortBranch, type BranchProtection } from "../serializers/git.ts";
import type { Repository } from "../state/types.ts";

const BRANCH_PREFIX = "refs/heads/";

/** The default branch is protected when the repository requires checks or merges through a queue. */
export function branchProtection(repo: Repository, branch: string): BranchProtection {
  const isProtected = branch === repo.defaultBranch && (repo.requiredChecks.length > 0 || repo.mergeQueue);
  return { protected: isProtected, requiredChecks: isProtected ? repo.requiredChecks : [] };
}

export async function getBranchRoute(context: RouteContext): Promise<RouteResult> {
  const repo = repoFrom(context);
  const name = context.params.branch ?? "";
  const sha = await repo.git.getRef(`heads/${name}`);
  if (sha === null) throw new ApiError(404, "Branch not found");
  const tip = await repo.git.getCommit(sha);
  return { body: serializeBranch(context.core, repo, name, tip, branchProtection(repo, name)) };
}

export async function listBranchesRoute(context: RouteContext): Promise<RouteResult> {
  const repo = repoFrom(context);
  const wanted = context.query.get("protected");
  const branches = (await repo.git.listRefs("heads/"))
    .map((info) => ({ name: info.ref.slice(BRANCH_PREFIX.length), sha: info.sha }))
    .map((branch) => ({ ...branch, protected: branchProtection(repo, branch.name).protected }))
    .filter((branch) => wanted === null || String(branch.protected) === wanted)
    .sort((a, b) => a.name.localeCompare(b.name));
  return paged(context, branches, (page) =>
    page.map((branch) => serializeShortBranch(context.core, repo, branch.name, branch.sha, branch.protected)),
  );
}
