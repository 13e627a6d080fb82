import type { Account, Review } from "../state/types.ts";
import type { OwnedFile } from "./pull-owners.ts";

/** GitHub's `PullRequestReviewDecision`, or null when the base branch requires no review. */
type ReviewDecision = "APPROVED" | "CHANGES_REQUESTED" | "REVIEW_REQUIRED" | null;

/** What the branch's review rules say about a pull request, with GitHub's sentence when they block it. */
export interface ReviewVerdict {
  decision: ReviewDecision;
  satisfied: boolean;
  /** GitHub's reason when not satisfied, e.g. "At least 1 approving review is required by reviewers with write access." */
  message: string | null;
  /** Code owners (logins) whose approval is still missing, sorted. */
  waitingOn: string[];
}

export interface ReviewPolicyInput {
  reviews: readonly Review[];
  author: Account;
  /** Whether the account has write access or more: only their reviews count. */
  isWriter: (account: Account) => boolean;
  requiredReviews: number;
  codeOwnerReviews: boolean;
  owned: readonly OwnedFile[];
}

const OPINIONS = new Set<Review["state"]>(["APPROVED", "CHANGES_REQUESTED", "DISMISSED"]);

/**
 * Each writer's latest approving or change-requesting review (GitHub's `latestOpinionatedReviews`),
 * oldest first: comments and pending reviews do not change an opinion, a dismissal withdraws it.
 */
export function latestOpinions(reviews: readonly Review[], isWriter: (account: Account) => boolean): Review[] {
  const latest = new Map<number, Review>();
  for (const review of [...reviews].sort((a, b) => a.id - b.id)) {
    if (OPINIONS.has(review.state) && isWriter(review.user)) latest.set(review.user.id, review);
  }
  return [...latest.values()].filter((review) => review.state !== "DISMISSED").sort((a, b) => a.id - b.id);
}

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

/** "a", "a and/or b", "a, b and/or c": how GitHub lists the owners it waits on. */
function ownerList(logins: readonly string[]): string {
  if (logins.length <= 1) return logins.join("");
  return `${logins.slice(0, -1).join(", ")} and/or ${logins.at(-1) ?? ""}`;
}

/** Owners of files none of whose owners approved; the author's own files need no one. */
function missingOwners(owned: readonly OwnedFile[], author: Account, approvers: ReadonlySet<number>): string[] {
  const waiting = new Set<string>();
  for (const file of owned) {
    const owners = file.owners.filter((owner) => owner.id !== author.id);
    if (owners.length === 0 || owners.some((owner) => approvers.has(owner.id))) continue;
    for (const owner of owners) waiting.add(owner.login);
  }
  return [...waiting].sort((a, b) => a.localeCompare(b));
}

function blocked(decision: ReviewDecision, message: string, waitingOn: string[] = []): ReviewVerdict {
  return { decision, satisfied: false, message, waitingOn };
}

/**
 * GitHub's review rule, in its order: a change request from a writer blocks, then missing code
 * owner approvals, then too few approvals from writers.
 */
export function reviewVerdict(input: ReviewPolicyInput): ReviewVerdict {
  const opinions = latestOpinions(input.reviews, input.isWriter).filter((review) => review.user.id !== input.author.id);
  const approvals = opinions.filter((review) => review.state === "APPROVED");
  const changes = opinions.filter((review) => review.state === "CHANGES_REQUESTED");
  const owned = input.codeOwnerReviews ? input.owned.filter((file) => file.owners.some((owner) => owner.id !== input.author.id)) : [];
  if (input.requiredReviews === 0 && owned.length === 0) return { decision: null, satisfied: true, message: null, waitingOn: [] };
  if (changes.length > 0) {
    const approving = approvals.length === 0 ? "" : ` and ${plural(approvals.length, "approving review", "approving reviews")}`;
    const requesting = plural(changes.length, "review requesting changes", "reviews requesting changes");
    return blocked("CHANGES_REQUESTED", `${requesting}${approving} by reviewers with write access.`);
  }
  const waitingOn = missingOwners(owned, input.author, new Set(approvals.map((review) => review.user.id)));
  if (waitingOn.length > 0) return blocked("REVIEW_REQUIRED", `Waiting on code owner review from ${ownerList(waitingOn)}.`, waitingOn);
  if (approvals.length < input.requiredReviews) {
    const count = input.requiredReviews === 1 ? "1 approving review is" : `${input.requiredReviews} approving reviews are`;
    return blocked("REVIEW_REQUIRED", `At least ${count} required by reviewers with write access.`);
  }
  return { decision: "APPROVED", satisfied: true, message: null, waitingOn: [] };
}
