import type { ProtectionSource } from "../state/types.ts";

/** The 405 GitHub answers a merge commit on a branch that requires linear history. */
export const MERGE_COMMITS_NOT_ALLOWED = "Merge commits are not allowed on this repository.";

/** The 409 GitHub answers a merge whose head lacks the base tip when the branch must be up to date. */
export const HEAD_OUT_OF_DATE = "Head branch is out of date. Review and try the merge again.";

/**
 * The message of GitHub's 405 for unmet rules. Classic branch protection lists every sentence
 * ("At least 1 approving review is required by reviewers with write access. Required status check
 * \"test\" is expected."); a ruleset names the first under "Repository rule violations found".
 */
export function violationsMessage(via: ProtectionSource, sentences: readonly string[]): string {
  if (via === "branchProtection") return sentences.join(" ");
  return `Repository rule violations found\n\n${sentences[0] ?? ""}\n\n`;
}

/** The message of GitHub's refusal of `enqueuePullRequest` when the review rule is not met. */
export function enqueueRefusal(sentence: string): string {
  return `Pull request ${sentence}`;
}
