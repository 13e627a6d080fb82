/** A merge group: the `gh-readonly-queue/...` commit that tests one queue entry on its base. */
export interface MergeGroup {
  repoId: number;
  entryId: number;
  /** The group commit. */
  sha: string;
  /** The branch name, without `refs/heads/`. */
  branch: string;
  /** The commit the group was built on: the base tip, or the group of the entry ahead. */
  baseSha: string;
  baseRef: string;
}

export type DestroyReason = "merged" | "invalidated" | "dequeued";

/** `pull_request.dequeued` reasons, as GitHub's webhook schema lists them. */
export type DequeueReason = "MANUAL" | "MERGE" | "MERGE_CONFLICT" | "CI_FAILURE" | "ALREADY_MERGED";

export function groupBranchName(baseRef: string, pullNumber: number, headSha: string): string {
  return `gh-readonly-queue/${baseRef}/pr-${pullNumber}-${headSha}`;
}
