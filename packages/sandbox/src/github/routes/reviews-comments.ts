import { z } from "zod";
import { actingAccount, intParam, paged, repoFrom, requireAccess, type RouteContext, type RouteResult } from "../context.ts";
import type { SandboxCore } from "../core.ts";
import { notFound, validationFailed } from "../errors.ts";
import { serializeReview, serializeReviewComment, type CommentPosition } from "../serializers/review.ts";
import type { Account, PullRequest, Repository, ReviewComment } from "../state/types.ts";
import { parseInput, pullFrom } from "./pulls-common.ts";
import { anchorComment, commentPositions, pullPatches, ReviewThreadError, type CommentAnchor } from "./reviews-anchor.ts";
import { emitReview, reviewCommentsOf, reviewCommit, reviewsOf, saveReview, saveReviewComment } from "./reviews-store.ts";

const CreateCommentBody = z.object({
  body: z.string(),
  commit_id: z.string().optional(),
  path: z.string().optional(),
  line: z.number().int().optional(),
  side: z.enum(["LEFT", "RIGHT"]).optional(),
  position: z.number().int().optional(),
  in_reply_to: z.number().int().optional(),
});
type CreateCommentInput = z.infer<typeof CreateCommentBody>;

const ReplyBody = z.object({ body: z.string() });

/** `GET /pulls/{pull_number}/reviews`: submitted reviews, plus the caller's own pending one. */
export function listReviews(context: RouteContext): RouteResult {
  const repo = repoFrom(context);
  const pull = pullFrom(context, repo);
  const caller = context.actor.kind === "user" || context.actor.kind === "installation" ? context.actor.account.id : null;
  const reviews = reviewsOf(context.core, pull).filter((review) => review.state !== "PENDING" || review.user.id === caller);
  return paged(context, reviews, (page) => page.map((review) => serializeReview(context.core, repo, review)));
}

/** `GET /pulls/{pull_number}/comments`: review comments in creation order. */
export async function listReviewComments(context: RouteContext): Promise<RouteResult> {
  const repo = repoFrom(context);
  const pull = pullFrom(context, repo);
  const comments = reviewCommentsOf(context.core, pull);
  const positions = await commentPositions(context.core, repo, pull, comments);
  return paged(context, comments, (page) =>
    page.map((comment) =>
      serializeReviewComment(context.core, repo, comment, positions.get(comment.id) ?? { position: null, originalPosition: 1 }),
    ),
  );
}

function commentIn(core: SandboxCore, pull: PullRequest, id: number): ReviewComment {
  const comment = core.store.reviewComments.get(id);
  if (!comment || comment.repoId !== pull.repoId || comment.pullNumber !== pull.number) throw notFound();
  return comment;
}

/** A reply sits where its thread's first comment sits, and answers that first comment. */
async function replyAnchor(
  core: SandboxCore,
  repo: Repository,
  pull: PullRequest,
  parent: ReviewComment,
): Promise<[CommentAnchor, number]> {
  const root = parent.inReplyToId === null ? parent : commentIn(core, pull, parent.inReplyToId);
  const where = (await commentPositions(core, repo, pull, [root])).get(root.id);
  const anchor = {
    path: root.path,
    line: root.line ?? 0,
    side: root.side,
    position: where?.originalPosition ?? 1,
    diffHunk: root.diffHunk,
  };
  return [anchor, root.id];
}

async function newCommentAnchor(
  core: SandboxCore,
  repo: Repository,
  pull: PullRequest,
  input: CreateCommentInput,
  commitId: string,
): Promise<CommentAnchor> {
  const patches = await pullPatches(core, repo, pull, commitId);
  try {
    return anchorComment(patches, { path: input.path ?? "", line: input.line, side: input.side, position: input.position });
  } catch (error) {
    if (!(error instanceof ReviewThreadError)) throw error;
    const field = `pull_request_review_thread.${error.reason}`;
    const message = error.reason === "path" ? `${field} is invalid` : `${field} must be part of the diff`;
    throw validationFailed("Validation Failed", [{ resource: "PullRequestReviewComment", code: "custom", field, message }]);
  }
}

/** A single comment outside a review: GitHub wraps it in a COMMENTED review of its own. */
function saveSingleComment(
  context: RouteContext,
  repo: Repository,
  pull: PullRequest,
  anchor: CommentAnchor,
  input: { body: string; commitId: string; inReplyToId: number | null; author: Account },
): RouteResult {
  const { core } = context;
  const review = saveReview(core, pull, { user: input.author, body: "", state: "COMMENTED", commitId: input.commitId });
  const comment = saveReviewComment(core, pull, anchor, {
    reviewId: review.id,
    user: input.author,
    body: input.body,
    commitId: input.commitId,
    inReplyToId: input.inReplyToId,
  });
  const where: CommentPosition = { position: anchor.position, originalPosition: anchor.position };
  emitReview(core, repo, pull, review, [[comment, where]]);
  return { status: 201, body: serializeReviewComment(core, repo, comment, where) };
}

/** `POST /pulls/{pull_number}/comments`: a comment on a diff line, or a reply (`in_reply_to`). */
export async function createReviewComment(context: RouteContext): Promise<RouteResult> {
  const { core } = context;
  const repo = repoFrom(context);
  const pull = pullFrom(context, repo);
  requireAccess(context, repo, "pull_requests", "read");
  const input = parseInput(CreateCommentBody, context.body);
  const author = actingAccount(context);
  if (input.in_reply_to !== undefined) {
    const parent = commentIn(core, pull, input.in_reply_to);
    const [anchor, rootId] = await replyAnchor(core, repo, pull, parent);
    return saveSingleComment(context, repo, pull, anchor, { body: input.body, commitId: parent.commitId, inReplyToId: rootId, author });
  }
  const commitId = await reviewCommit(repo, pull, input.commit_id);
  const anchor = await newCommentAnchor(core, repo, pull, input, commitId);
  return saveSingleComment(context, repo, pull, anchor, { body: input.body, commitId, inReplyToId: null, author });
}

/** `POST /pulls/{pull_number}/comments/{comment_id}/replies` */
export async function createReplyForReviewComment(context: RouteContext): Promise<RouteResult> {
  const { core } = context;
  const repo = repoFrom(context);
  const pull = pullFrom(context, repo);
  requireAccess(context, repo, "pull_requests", "read");
  const input = parseInput(ReplyBody, context.body);
  const parent = commentIn(core, pull, intParam(context, "comment_id"));
  const [anchor, rootId] = await replyAnchor(core, repo, pull, parent);
  const author = actingAccount(context);
  return saveSingleComment(context, repo, pull, anchor, { body: input.body, commitId: parent.commitId, inReplyToId: rootId, author });
}
