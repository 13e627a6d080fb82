import { z } from "zod";
import { permissionAtLeast, permissionOf, repoFrom, type RouteContext, type RouteResult, type RouteTable } from "../context.ts";
import { ApiError, forbidden, notFound } from "../errors.ts";
import { applyProtection, type ProtectionOptions } from "../protection/options.ts";
import { classicProtectionOf } from "../protection/reported.ts";
import { serializeClassicProtection } from "../serializers/protection.ts";
import type { Repository } from "../state/types.ts";
import { parseInput } from "./pulls-common.ts";

const UpdateProtectionBody = z.object({
  required_status_checks: z
    .object({ strict: z.boolean(), contexts: z.array(z.string()), checks: z.array(z.object({ context: z.string() })).optional() })
    .nullable(),
  enforce_admins: z.boolean().nullable(),
  required_pull_request_reviews: z
    .object({
      dismiss_stale_reviews: z.boolean().optional(),
      require_code_owner_reviews: z.boolean().optional(),
      required_approving_review_count: z.number().int().optional(),
    })
    .nullable(),
  required_linear_history: z.boolean().optional(),
});
type UpdateProtectionInput = z.infer<typeof UpdateProtectionBody>;

const notProtected = (): ApiError => new ApiError(404, "Branch not protected");

/**
 * Branch protection is administration: an app needs the Administration permission (write to
 * change it), a user admin rights on the repository.
 */
function requireAdministration(context: RouteContext, repo: Repository, write: boolean): void {
  const { actor } = context;
  if (actor.kind === "installation") {
    const level = actor.app.permissions.administration;
    if (level === undefined || (write && level !== "write")) throw forbidden();
    return;
  }
  if (actor.kind !== "user") throw new ApiError(401, "Requires authentication");
  if (permissionAtLeast(permissionOf(repo, actor.account), "admin")) return;
  throw write ? new ApiError(403, "Must have admin rights to Repository.") : notFound();
}

/** The `{branch}` of the path, which must exist. */
async function branchOf(context: RouteContext, repo: Repository): Promise<string> {
  const branch = context.params.branch ?? "";
  if ((await repo.git.getRef(`heads/${branch}`)) === null) throw new ApiError(404, "Branch not found");
  return branch;
}

function answer(context: RouteContext, repo: Repository, branch: string): RouteResult {
  const protection = classicProtectionOf(repo, branch);
  if (protection === null) throw notProtected();
  return { body: serializeClassicProtection(context.core.urls, repo, branch, protection) };
}

/** `GET /branches/{branch}/protection`: classic protection only; a branch under a ruleset is "not protected" here. */
async function getProtection(context: RouteContext): Promise<RouteResult> {
  const repo = repoFrom(context);
  requireAdministration(context, repo, false);
  return answer(context, repo, await branchOf(context, repo));
}

/** The protection a `PUT` body asks for; `contexts` and `checks` both name required checks. */
function optionsOf(input: UpdateProtectionInput): ProtectionOptions {
  const checks = input.required_status_checks;
  const reviews = input.required_pull_request_reviews;
  const contexts = checks ? [...checks.contexts, ...(checks.checks ?? []).map((check) => check.context)] : [];
  return {
    via: "branchProtection",
    requiredChecks: [...new Set(contexts)],
    upToDate: checks?.strict ?? false,
    requiredReviews: reviews ? (reviews.required_approving_review_count ?? 1) : 0,
    dismissStaleReviews: reviews?.dismiss_stale_reviews ?? false,
    codeOwnerReviews: reviews?.require_code_owner_reviews ?? false,
    linearHistory: input.required_linear_history ?? false,
    enforceAdmins: input.enforce_admins ?? false,
  };
}

/** `PUT /branches/{branch}/protection`: replaces the default branch's rules with classic protection. */
async function updateProtection(context: RouteContext): Promise<RouteResult> {
  const repo = repoFrom(context);
  requireAdministration(context, repo, true);
  const input = parseInput(UpdateProtectionBody, context.body);
  const branch = await branchOf(context, repo);
  if (branch !== repo.defaultBranch) throw new ApiError(501, "the sandbox models protection of the default branch only");
  applyProtection(context.core, repo, optionsOf(input));
  return answer(context, repo, branch);
}

/** `DELETE /branches/{branch}/protection`: removes classic protection and its required checks. */
async function deleteProtection(context: RouteContext): Promise<RouteResult> {
  const repo = repoFrom(context);
  requireAdministration(context, repo, true);
  const branch = await branchOf(context, repo);
  if (classicProtectionOf(repo, branch) === null) throw notProtected();
  applyProtection(context.core, repo, null);
  return { status: 204 };
}

export const branchProtectionRoutes: RouteTable = {
  "repos/get-branch-protection": getProtection,
  "repos/update-branch-protection": updateProtection,
  "repos/delete-branch-protection": deleteProtection,
};
