import type { ClassicProtection, ReportedRule } from "../protection/reported.ts";
import type { Repository } from "../state/types.ts";
import { repositoryFullName } from "./repository.ts";
import { repoApi, type Urls } from "./urls.ts";

const enabled = (value: boolean): { enabled: boolean } => ({ enabled: value });

/**
 * Classic branch protection as `GET` and `PUT /branches/{branch}/protection` answer it: the
 * required status checks and the review rules only when set, the switches always.
 */
export function serializeClassicProtection(
  urls: Urls,
  repo: Repository,
  branch: string,
  protection: ClassicProtection,
): Record<string, unknown> {
  const url = `${repoApi(urls, repositoryFullName(repo))}/branches/${encodeURIComponent(branch)}/protection`;
  const checks = {
    url: `${url}/required_status_checks`,
    strict: protection.strict,
    contexts: protection.requiredChecks,
    contexts_url: `${url}/required_status_checks/contexts`,
    checks: protection.requiredChecks.map((context) => ({ context, app_id: null })),
  };
  const reviews = protection.reviews && {
    url: `${url}/required_pull_request_reviews`,
    dismiss_stale_reviews: protection.reviews.dismissStaleReviews,
    require_code_owner_reviews: protection.reviews.codeOwnerReviews,
    required_approving_review_count: protection.reviews.requiredReviews,
    require_last_push_approval: false,
  };
  return {
    url,
    ...(protection.requiredChecks.length > 0 || protection.strict ? { required_status_checks: checks } : {}),
    ...(reviews ? { required_pull_request_reviews: reviews } : {}),
    required_signatures: { url: `${url}/required_signatures`, enabled: false },
    enforce_admins: { url: `${url}/enforce_admins`, enabled: protection.enforceAdmins },
    required_linear_history: enabled(protection.linearHistory),
    allow_force_pushes: enabled(false),
    allow_deletions: enabled(false),
    block_creations: enabled(false),
    required_conversation_resolution: enabled(false),
    lock_branch: enabled(false),
    allow_fork_syncing: enabled(false),
  };
}

/** A rule of `GET /rules/branches/{branch}`, with the repository ruleset it comes from. */
export function serializeRule(repo: Repository, rulesetId: number, rule: ReportedRule): Record<string, unknown> {
  return { ...rule, ruleset_source_type: "Repository", ruleset_source: repositoryFullName(repo), ruleset_id: rulesetId };
}
