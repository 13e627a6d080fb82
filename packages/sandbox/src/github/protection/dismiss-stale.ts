import type { SandboxCore } from "../core.ts";
import { serializePullRequestSimple } from "../serializers/pull.ts";
import { serializeReview } from "../serializers/review.ts";
import type { Account, PullRequest, Repository } from "../state/types.ts";
import { rulesFor } from "./evaluate.ts";

/**
 * A push to a pull request whose base branch dismisses stale reviews: every approving review
 * becomes DISMISSED, with `pull_request_review.dismissed`. Change requests stay.
 */
export function dismissStaleApprovals(core: SandboxCore, repo: Repository, pull: PullRequest, sender: Account): void {
  if (!rulesFor(repo, pull)?.dismissStaleReviews) return;
  for (const review of core.store.reviewsOf(pull.repoId, pull.number)) {
    if (review.state !== "APPROVED") continue;
    review.state = "DISMISSED";
    core.emit(repo, "pull_request_review", sender, {
      action: "dismissed",
      review: serializeReview(core, repo, review, "webhook"),
      pull_request: serializePullRequestSimple(core, repo, pull),
    });
  }
}
