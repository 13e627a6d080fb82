import { z } from "zod";
import { actingAccount, intParam, paged, repoFrom, type RouteContext, type RouteResult } from "../context.ts";
import type { SandboxCore } from "../core.ts";
import { ApiError, notFound } from "../errors.ts";
import { serializeComment } from "../serializers/issue.ts";
import { encodeNodeId } from "../state/store.ts";
import type { Issue, IssueComment, Repository } from "../state/types.ts";
import { readBody } from "./git-data-common.ts";
import { callerHas, issueFrom, issuePayload, requireIssueAccess, touch } from "./issues-common.ts";

const CommentBody = z.object({ body: z.string() });

function commentPayload(core: SandboxCore, repo: Repository, comment: IssueComment): Record<string, unknown> {
  const app = comment.viaAppId === null ? null : (core.store.apps.get(comment.viaAppId) ?? null);
  return serializeComment(core.urls, repo, comment, app);
}

/** The `{comment_id}` comment of this repository, or 404. */
export function commentFrom(context: RouteContext, repo: Repository): IssueComment {
  const comment = context.core.store.comments.get(intParam(context, "comment_id"));
  if (comment?.repoId !== repo.id) throw notFound();
  return comment;
}

function issueOf(core: SandboxCore, repo: Repository, comment: IssueComment): Issue {
  const issue = core.store.issue(repo.id, comment.issueNumber);
  if (!issue) throw notFound();
  return issue;
}

function emitComment(
  core: SandboxCore,
  repo: Repository,
  context: RouteContext,
  comment: IssueComment,
  action: string,
  extra: Record<string, unknown> = {},
): void {
  const issue = issueOf(core, repo, comment);
  const payload = { action, issue: issuePayload(core, repo, issue), comment: commentPayload(core, repo, comment), ...extra };
  core.emit(repo, "issue_comment", actingAccount(context), payload);
}

export function listCommentsRoute(context: RouteContext): RouteResult {
  const repo = repoFrom(context);
  const issue = issueFrom(context, repo);
  const since = context.query.get("since");
  const after = since === null ? Number.NEGATIVE_INFINITY : Date.parse(since);
  const comments = context.core.store.commentsOn(repo.id, issue.number).filter((comment) => Date.parse(comment.updatedAt) >= after);
  return paged(context, comments, (page) => page.map((comment) => commentPayload(context.core, repo, comment)));
}

/** `POST /issues/{n}/comments`; a comment made by an installation records the app. */
export function createCommentRoute(context: RouteContext): RouteResult {
  const repo = repoFrom(context);
  const issue = issueFrom(context, repo);
  requireIssueAccess(context, repo, "read", issue);
  const { core } = context;
  const id = core.store.nextId();
  const now = core.store.timestamp();
  const comment: IssueComment = {
    repoId: repo.id,
    issueNumber: issue.number,
    id,
    nodeId: encodeNodeId("IC", id),
    body: readBody(CommentBody, context.body).body,
    user: actingAccount(context),
    viaAppId: context.actor.kind === "installation" ? context.actor.app.id : null,
    createdAt: now,
    updatedAt: now,
    lastEditedAt: null,
    reactions: [],
  };
  core.store.comments.set(id, comment);
  touch(core, issue);
  emitComment(core, repo, context, comment, "created");
  return { status: 201, body: commentPayload(core, repo, comment) };
}

export function getCommentRoute(context: RouteContext): RouteResult {
  const repo = repoFrom(context);
  return { body: commentPayload(context.core, repo, commentFrom(context, repo)) };
}

/** Authors may change their comments; others need write access (installations: issues write). */
function requireCommentOwnership(context: RouteContext, repo: Repository, comment: IssueComment): void {
  const { actor } = context;
  if ((actor.kind === "user" || actor.kind === "installation") && actor.account.id === comment.user.id) return;
  if (!callerHas(context, repo, "write")) throw new ApiError(403, "Must have push access to this repository.");
}

export function updateCommentRoute(context: RouteContext): RouteResult {
  const repo = repoFrom(context);
  const comment = commentFrom(context, repo);
  requireCommentOwnership(context, repo, comment);
  const body = readBody(CommentBody, context.body).body;
  const from = comment.body;
  comment.body = body;
  comment.updatedAt = context.core.store.timestamp();
  if (from !== body) comment.lastEditedAt = comment.updatedAt;
  if (from !== body) emitComment(context.core, repo, context, comment, "edited", { changes: { body: { from } } });
  return { body: commentPayload(context.core, repo, comment) };
}

export function deleteCommentRoute(context: RouteContext): RouteResult {
  const repo = repoFrom(context);
  const comment = commentFrom(context, repo);
  requireCommentOwnership(context, repo, comment);
  context.core.store.comments.delete(comment.id);
  emitComment(context.core, repo, context, comment, "deleted");
  return { status: 204 };
}
