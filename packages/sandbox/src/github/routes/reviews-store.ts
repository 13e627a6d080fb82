import type { SandboxCore } from "../core.ts";
import { ApiError } from "../errors.ts";
import { serializePullRequestSimple } from "../serializers/pull.ts";
import { serializeReview, serializeReviewComment, type CommentPosition } from "../serializers/review.ts";
import { encodeNodeId } from "../state/store.ts";
import type { Account, PullRequest, Repository, Review, ReviewComment } from "../state/types.ts";
import type { CommentAnchor } from "./reviews-anchor.ts";

/** Stored reviews of a pull request, oldest first. */
export function reviewsOf(core: SandboxCore, pull: PullRequest): Review[] {
  return core.store.reviewsOf(pull.repoId, pull.number);
}

export function reviewCommentsOf(core: SandboxCore, pull: PullRequest): ReviewComment[] {
  return [...core.store.reviewComments.values()]
    .filter((comment) => comment.repoId === pull.repoId && comment.pullNumber === pull.number)
    .sort((a, b) => a.id - b.id);
}

export function saveReview(core: SandboxCore, pull: PullRequest, review: Pick<Review, "user" | "body" | "state" | "commitId">): Review {
  const id = core.store.nextId();
  const saved: Review = {
    repoId: pull.repoId,
    pullNumber: pull.number,
    id,
    nodeId: encodeNodeId("PRR", id),
    ...review,
    submittedAt: core.store.timestamp(),
  };
  core.store.reviews.set(id, saved);
  return saved;
}

export interface NewReviewComment {
  reviewId: number;
  user: Account;
  body: string;
  commitId: string;
  inReplyToId: number | null;
}

export function saveReviewComment(core: SandboxCore, pull: PullRequest, anchor: CommentAnchor, input: NewReviewComment): ReviewComment {
  const id = core.store.nextId();
  const now = core.store.timestamp();
  const comment: ReviewComment = {
    repoId: pull.repoId,
    pullNumber: pull.number,
    id,
    nodeId: encodeNodeId("PRRC", id),
    ...input,
    path: anchor.path,
    line: anchor.line,
    side: anchor.side,
    diffHunk: anchor.diffHunk,
    createdAt: now,
    updatedAt: now,
    reactions: [],
  };
  core.store.reviewComments.set(id, comment);
  return comment;
}

/** A submitted review and its inline comments, announced as GitHub does. */
export function emitReview(
  core: SandboxCore,
  repo: Repository,
  pull: PullRequest,
  review: Review,
  comments: Array<[ReviewComment, CommentPosition]>,
): void {
  if (review.state === "PENDING") return;
  const pullRequest = serializePullRequestSimple(core, repo, pull);
  core.emit(repo, "pull_request_review", review.user, {
    action: "submitted",
    review: serializeReview(core, repo, review, "webhook"),
    pull_request: pullRequest,
  });
  for (const [comment, where] of comments) {
    core.emit(repo, "pull_request_review_comment", comment.user, {
      action: "created",
      comment: serializeReviewComment(core, repo, comment, where),
      pull_request: pullRequest,
    });
  }
}

/** The commit a review or comment is on: `commit_id` when given (it must exist), else the head. */
export async function reviewCommit(repo: Repository, pull: PullRequest, commitId: string | undefined): Promise<string> {
  if (commitId === undefined) return pull.headSha;
  const sha = await repo.git.resolve(commitId);
  if (sha === null) throw new ApiError(422, "Unprocessable Entity", { errors: [`No commit found for SHA: ${commitId}`] });
  return sha;
}
