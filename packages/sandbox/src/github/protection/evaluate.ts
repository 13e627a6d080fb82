import { permissionAtLeast, permissionOf } from "../context.ts";
import type { SandboxCore } from "../core.ts";
import type { Account, ProtectionRules, PullRequest, Repository } from "../state/types.ts";
import { ownedFiles } from "./pull-owners.ts";
import { requiredChecksMessage, requiredChecksOn } from "./required-checks.ts";
import { reviewVerdict, type ReviewVerdict } from "./review-policy.ts";

/** What the default branch's rules say about an open pull request. */
export interface RulesVerdict {
  rules: ProtectionRules;
  /** The rules want the head up to date and it lacks the base tip. */
  behind: boolean;
  reviews: ReviewVerdict;
  /** GitHub's sentence for the required checks that have not succeeded, or null. */
  checksMessage: string | null;
}

/** The rules that apply to a pull request: the repository's protection, on its default branch only. */
export function rulesFor(repo: Repository, pull: PullRequest): ProtectionRules | null {
  return pull.baseRef === repo.defaultBranch ? repo.protection : null;
}

/** Whether an account's reviews count: write access or more, or an installed app's bot that may write contents. */
export function writerCheck(core: SandboxCore, repo: Repository): (account: Account) => boolean {
  return (account) => {
    if (account.type === "Bot") return core.appsFor(repo).some((app) => app.bot.id === account.id && app.permissions.contents === "write");
    return permissionAtLeast(permissionOf(repo, account), "write");
  };
}

/** The review rule's verdict on a pull request compared with `base` (the base branch's tip). */
export async function reviewVerdictFor(
  core: SandboxCore,
  repo: Repository,
  pull: PullRequest,
  rules: ProtectionRules,
  base: string,
): Promise<ReviewVerdict> {
  const author = core.store.issue(repo.id, pull.number)?.user ?? repo.owner;
  return reviewVerdict({
    reviews: core.store.reviewsOf(pull.repoId, pull.number),
    author,
    isWriter: writerCheck(core, repo),
    requiredReviews: rules.requiredReviews,
    codeOwnerReviews: rules.codeOwnerReviews,
    owned: rules.codeOwnerReviews ? await ownedFiles(core, repo, pull, base) : [],
  });
}

/** Evaluates every rule on a pull request against `base`, the base branch's tip; null without rules. */
export async function evaluateRules(core: SandboxCore, repo: Repository, pull: PullRequest, base: string): Promise<RulesVerdict | null> {
  const rules = rulesFor(repo, pull);
  if (rules === null) return null;
  const behind = rules.upToDate && !(await repo.git.isAncestor(base, pull.headSha));
  const reviews = await reviewVerdictFor(core, repo, pull, rules, base);
  return { rules, behind, reviews, checksMessage: requiredChecksMessage(requiredChecksOn(core.store, repo, pull.headSha)) };
}

/** GitHub's sentences for the rules a pull request does not meet yet: the review rule's, then the checks'. */
export function violations(verdict: RulesVerdict): string[] {
  return [verdict.reviews.message, verdict.checksMessage].filter((message) => message !== null);
}
