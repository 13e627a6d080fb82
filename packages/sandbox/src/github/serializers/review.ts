import type { SandboxCore } from "../core.ts";
import type { Repository, Review, ReviewComment } from "../state/types.ts";
import { authorAssociation, serializeReactions } from "./issue.ts";
import { repositoryFullName } from "./repository.ts";
import { repoApi, repoHtml } from "./urls.ts";
import { serializeUser } from "./user.ts";

/** REST answers carry the upper-case review state, webhooks the lower-case one. */
export type ReviewStyle = "rest" | "webhook";

/** Where a review comment sits in its file's diff (`position`; `null` once outdated). */
export interface CommentPosition {
  position: number | null;
  originalPosition: number;
}

function addresses(core: SandboxCore, repo: Repository): { api: string; html: string } {
  const fullName = repositoryFullName(repo);
  return { api: repoApi(core.urls, fullName), html: repoHtml(core.urls, fullName) };
}

/** A pull request review (`GET /pulls/{n}/reviews`, `pull_request_review` webhooks). */
export function serializeReview(core: SandboxCore, repo: Repository, review: Review, style: ReviewStyle = "rest"): Record<string, unknown> {
  const { api, html } = addresses(core, repo);
  const htmlUrl = `${html}/pull/${review.pullNumber}#pullrequestreview-${review.id}`;
  const pullUrl = `${api}/pulls/${review.pullNumber}`;
  const webhook = style === "webhook";
  return {
    id: review.id,
    node_id: review.nodeId,
    user: serializeUser(core.urls, review.user),
    body: webhook && review.body === "" ? null : review.body,
    state: webhook ? review.state.toLowerCase() : review.state,
    html_url: htmlUrl,
    pull_request_url: pullUrl,
    author_association: authorAssociation(repo, review.user),
    _links: { html: { href: htmlUrl }, pull_request: { href: pullUrl } },
    ...(review.state === "PENDING" ? {} : { submitted_at: review.submittedAt }),
    commit_id: review.commitId,
  };
}

/** A pull request review comment (REST and `pull_request_review_comment` webhooks). */
export function serializeReviewComment(
  core: SandboxCore,
  repo: Repository,
  comment: ReviewComment,
  where: CommentPosition,
): Record<string, unknown> {
  const { api, html } = addresses(core, repo);
  const url = `${api}/pulls/comments/${comment.id}`;
  const htmlUrl = `${html}/pull/${comment.pullNumber}#discussion_r${comment.id}`;
  const pullUrl = `${api}/pulls/${comment.pullNumber}`;
  return {
    url,
    pull_request_review_id: comment.reviewId,
    id: comment.id,
    node_id: comment.nodeId,
    diff_hunk: comment.diffHunk,
    path: comment.path,
    position: where.position,
    original_position: where.originalPosition,
    commit_id: comment.commitId,
    original_commit_id: comment.commitId,
    ...(comment.inReplyToId === null ? {} : { in_reply_to_id: comment.inReplyToId }),
    user: serializeUser(core.urls, comment.user),
    body: comment.body,
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    html_url: htmlUrl,
    pull_request_url: pullUrl,
    author_association: authorAssociation(repo, comment.user),
    _links: { self: { href: url }, html: { href: htmlUrl }, pull_request: { href: pullUrl } },
    reactions: serializeReactions(url, comment.reactions),
    start_line: null,
    original_start_line: null,
    start_side: null,
    line: comment.line,
    original_line: comment.line,
    side: comment.side,
    subject_type: "line",
  };
}
