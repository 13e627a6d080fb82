import { paged, repoFrom, type RouteContext, type RouteResult } from "../context.ts";
import { ApiError } from "../errors.ts";
import { classicProtectionOf, isProtected } from "../protection/reported.ts";
import { serializeBranch, serializeShortBranch, type BranchProtection } from "../serializers/git.ts";
import type { Repository } from "../state/types.ts";

const BRANCH_PREFIX = "refs/heads/";

/**
 * A branch's protection as the branch endpoints report it: protected by classic protection, a
 * ruleset, or (without protection rules) by required checks or a merge queue; the required checks
 * and their enforcement are classic protection's.
 */
export function branchProtection(repo: Repository, branch: string): BranchProtection {
  const classic = classicProtectionOf(repo, branch);
  const requiredChecks = classic?.requiredChecks ?? [];
  const enforcementLevel = requiredChecks.length === 0 ? "off" : classic?.enforceAdmins ? "everyone" : "non_admins";
  return { protected: isProtected(repo, branch), enabled: classic !== null, requiredChecks, enforcementLevel };
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
