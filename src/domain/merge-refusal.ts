/**
 * Why a task's pull request was not merged, by the next step it calls for:
 * - `conflict`: the head conflicts with the base; the branch is brought up to date (a merge).
 * - `behind`: the base moved on since CI ran on the head; the branch is brought up to date, CI runs again.
 * - `head_moved`: someone pushed after the approval; the push decides what happens next.
 * - `requirements`: the base branch's rules want something else first (a review, a check…): the task waits for it, approved.
 * - `method`: the repository or its rules do not allow how Foreman merged (`merge.method`, or outside the merge queue with
 *   `merge.mode: api`): a maintainer changes the config.
 * - `queue`: the merge queue removed the pull request for another reason (its CI, by hand, the queue cleared): a human decides.
 * - `unknown`: GitHub gave a reason Foreman does not know: a human reads it.
 * A rate limit is none of these: the merge waits and is tried again.
 */
export const MERGE_REFUSALS = ["conflict", "behind", "head_moved", "requirements", "method", "queue", "unknown"] as const;

export type MergeRefusal = (typeof MERGE_REFUSALS)[number];

/** What the reason of a `pull_request.dequeued` webhook (GitHub's codes, e.g. `MERGE_CONFLICT`) means: a refusal, or a merge. */
export function queueRemoval(reason: string): MergeRefusal | "merged" {
  switch (reason.toUpperCase()) {
    case "MERGE_CONFLICT":
      return "conflict";
    case "MERGE":
    case "ALREADY_MERGED":
      return "merged";
    case "BRANCH_PROTECTIONS":
      return "requirements";
    default:
      return "queue";
  }
}
