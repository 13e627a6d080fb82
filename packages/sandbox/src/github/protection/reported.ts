import type { Repository } from "../state/types.ts";

/** The pull request review part of classic branch protection. */
interface ReportedReviews {
  requiredReviews: number;
  dismissStaleReviews: boolean;
  codeOwnerReviews: boolean;
}

/** What `GET /branches/{branch}/protection` reports: classic branch protection only, never a ruleset. */
export interface ClassicProtection {
  requiredChecks: string[];
  strict: boolean;
  reviews: ReportedReviews | null;
  linearHistory: boolean;
  enforceAdmins: boolean;
}

/** A rule of `GET /rules/branches/{branch}`, without the ruleset it comes from. */
export interface ReportedRule {
  type: "pull_request" | "required_status_checks" | "required_linear_history" | "merge_queue";
  parameters?: Record<string, unknown>;
}

/** Without protection rules the sandbox's default branch counts as protected when it requires checks or has a queue. */
function hasDefaultRules(repo: Repository): boolean {
  return repo.requiredChecks.length > 0 || repo.mergeQueue;
}

/** The classic branch protection of a branch, or null (a ruleset is not classic protection). */
export function classicProtectionOf(repo: Repository, branch: string): ClassicProtection | null {
  if (branch !== repo.defaultBranch) return null;
  const rules = repo.protection;
  if (rules === null) {
    if (!hasDefaultRules(repo)) return null;
    return { requiredChecks: repo.requiredChecks, strict: false, reviews: null, linearHistory: false, enforceAdmins: false };
  }
  if (rules.via !== "branchProtection") return null;
  const { requiredReviews, dismissStaleReviews, codeOwnerReviews } = rules;
  const reviewed = requiredReviews > 0 || dismissStaleReviews || codeOwnerReviews;
  const reviews = reviewed ? { requiredReviews, dismissStaleReviews, codeOwnerReviews } : null;
  return {
    requiredChecks: repo.requiredChecks,
    strict: rules.upToDate,
    reviews,
    linearHistory: rules.linearHistory,
    enforceAdmins: rules.enforceAdmins,
  };
}

/** Whether the branch is protected: by classic protection, a ruleset, or the sandbox's default rules. */
export function isProtected(repo: Repository, branch: string): boolean {
  if (branch !== repo.defaultBranch) return false;
  return repo.protection !== null || hasDefaultRules(repo);
}

function pullRequestRule(repo: Repository): ReportedRule[] {
  const rules = repo.protection;
  if (!rules || (rules.requiredReviews === 0 && !rules.dismissStaleReviews && !rules.codeOwnerReviews)) return [];
  const parameters = {
    required_approving_review_count: rules.requiredReviews,
    dismiss_stale_reviews_on_push: rules.dismissStaleReviews,
    require_code_owner_review: rules.codeOwnerReviews,
    require_last_push_approval: false,
    required_review_thread_resolution: false,
    allowed_merge_methods: rules.linearHistory ? ["squash", "rebase"] : ["merge", "squash", "rebase"],
  };
  return [{ type: "pull_request", parameters }];
}

function statusChecksRule(repo: Repository): ReportedRule[] {
  const strict = repo.protection?.upToDate ?? false;
  if (repo.requiredChecks.length === 0 && !strict) return [];
  const checks = repo.requiredChecks.map((context) => ({ context }));
  return [{ type: "required_status_checks", parameters: { strict_required_status_checks_policy: strict, required_status_checks: checks } }];
}

/** The sandbox's queue, as GitHub's `merge_queue` rule describes it (see `MergeQueueConfiguration`). */
const MERGE_QUEUE_PARAMETERS = {
  check_response_timeout_minutes: 60,
  grouping_strategy: "ALLGREEN",
  max_entries_to_build: 5,
  max_entries_to_merge: 1,
  merge_method: "MERGE",
  min_entries_to_merge: 1,
  min_entries_to_merge_wait_minutes: 0,
};

/**
 * The ruleset rules on a branch: a ruleset's pull request, status check and linear history rules,
 * and the merge queue (a ruleset rule on GitHub) unless classic protection holds the rules.
 */
export function rulesetRulesOf(repo: Repository, branch: string): ReportedRule[] {
  if (branch !== repo.defaultBranch) return [];
  const via = repo.protection?.via ?? null;
  const queue: ReportedRule[] =
    repo.mergeQueue && via !== "branchProtection" ? [{ type: "merge_queue", parameters: MERGE_QUEUE_PARAMETERS }] : [];
  if (via !== "ruleset") return queue;
  const linear: ReportedRule[] = repo.protection?.linearHistory ? [{ type: "required_linear_history" }] : [];
  return [...pullRequestRule(repo), ...statusChecksRule(repo), ...linear, ...queue];
}
