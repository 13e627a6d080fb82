import { z } from "zod";
import { actingAccount, repoFrom, requireAccess, type RouteContext, type RouteResult } from "../context.ts";
import type { SandboxCore } from "../core.ts";
import { ApiError } from "../errors.ts";
import { withdrawReviewRequest } from "../protection/review-requests.ts";
import { pullIssue } from "../serializers/pull.ts";
import { serializeReview, type CommentPosition } from "../serializers/review.ts";
import type { Account, PullRequest, Repository, Review, ReviewComment } from "../state/types.ts";
import { parseInput, pullFrom } from "./pulls-common.ts";
import { anchorComment, pullPatches, ReviewThreadError, type CommentAnchor } from "./reviews-anchor.ts";
import { emitReview, reviewCommit, reviewsOf, saveReview, saveReviewComment } from "./reviews-store.ts";

const InlineComment = z.object({
  path: z.string(),
  body: z.string(),
  line: z.number().int().optional(),
  side: z.string().optional(),
  position: z.number().int().optional(),
  start_line: z.number().int().optional(),
  start_side: z.string().optional(),
});

const CreateReviewBody = z.object({
  commit_id: z.string().optional(),
  body: z.string().optional(),
  event: z.enum(["APPROVE", "REQUEST_CHANGES", "COMMENT"]).optional(),
  comments: z.array(InlineComment).optional(),
});
type CreateReviewInput = z.infer<typeof CreateReviewBody>;

const STATE_OF: Record<NonNullable<CreateReviewInput["event"]>, Review["state"]> = {
  APPROVE: "APPROVED",
  REQUEST_CHANGES: "CHANGES_REQUESTED",
  COMMENT: "COMMENTED",
};

/** GitHub's answer to a review it refuses: `Unprocessable Entity` with plain-string errors. */
const unprocessable = (message: string): ApiError => new ApiError(422, "Unprocessable Entity", { errors: [message] });

function requireValidReview(core: SandboxCore, pull: PullRequest, input: CreateReviewInput, reviewer: Account): void {
  const isAuthor = pullIssue(core, pull).user.id === reviewer.id;
  if (isAuthor && input.event === "APPROVE") throw unprocessable("Can not approve your own pull request");
  if (isAuthor && input.event === "REQUEST_CHANGES") throw unprocessable("Can not request changes on your own pull request");
  const empty = (input.body ?? "").trim() === "" && (input.comments ?? []).length === 0;
  if (empty && input.event === "REQUEST_CHANGES") throw unprocessable("You need to leave a comment indicating the requested changes.");
  if (empty && input.event === "COMMENT") throw unprocessable("You need to leave a comment.");
  if (input.event === undefined && reviewsOf(core, pull).some((review) => review.state === "PENDING" && review.user.id === reviewer.id)) {
    throw unprocessable("User can only have one pending review per pull request");
  }
}

async function anchorsFor(
  core: SandboxCore,
  repo: Repository,
  pull: PullRequest,
  commitId: string,
  input: CreateReviewInput,
): Promise<CommentAnchor[]> {
  const comments = input.comments ?? [];
  if (comments.length === 0) return [];
  const patches = await pullPatches(core, repo, pull, commitId);
  try {
    return comments.map((comment) =>
      anchorComment(patches, {
        path: comment.path,
        line: comment.line,
        side: comment.side === "LEFT" ? "LEFT" : "RIGHT",
        position: comment.position,
      }),
    );
  } catch (error) {
    if (error instanceof ReviewThreadError) throw unprocessable(error.message);
    throw error;
  }
}

/**
 * `POST /pulls/{pull_number}/reviews`: a review (APPROVE, REQUEST_CHANGES, COMMENT, or PENDING
 * without `event`) with optional inline comments, all or nothing.
 */
export async function createReview(context: RouteContext): Promise<RouteResult> {
  const { core } = context;
  const repo = repoFrom(context);
  const pull = pullFrom(context, repo);
  requireAccess(context, repo, "pull_requests", "read");
  const input = parseInput(CreateReviewBody, context.body);
  const reviewer = actingAccount(context);
  requireValidReview(core, pull, input, reviewer);
  const commitId = await reviewCommit(repo, pull, input.commit_id);
  const anchors = await anchorsFor(core, repo, pull, commitId, input);
  const state = input.event === undefined ? "PENDING" : STATE_OF[input.event];
  const review = saveReview(core, pull, { user: reviewer, body: input.body ?? "", state, commitId });
  if (state !== "PENDING") withdrawReviewRequest(core, pull, reviewer);
  const comments = anchors.map((anchor, index): [ReviewComment, CommentPosition] => {
    const body = input.comments?.[index]?.body ?? "";
    const comment = saveReviewComment(core, pull, anchor, { reviewId: review.id, user: reviewer, body, commitId, inReplyToId: null });
    return [comment, { position: anchor.position, originalPosition: anchor.position }];
  });
  emitReview(core, repo, pull, review, comments);
  // Under protection rules a review can be what auto-merge waited for.
  if (repo.protection !== null && state !== "PENDING") core.mergeQueue?.pullChanged(repo);
  return { body: serializeReview(core, repo, review) };
}
