import { z } from "zod";
import { actingAccount, intParam, paged, repoFrom, type RouteContext, type RouteResult } from "../context.ts";
import { notFound } from "../errors.ts";
import { serializeReaction } from "../serializers/issue.ts";
import { encodeNodeId } from "../state/store.ts";
import type { Reaction } from "../state/types.ts";
import { readBody } from "./git-data-common.ts";
import { issueFrom, requireIssueAccess } from "./issues-common.ts";
import { commentFrom } from "./issues-comments.ts";

const ReactionBody = z.object({ content: z.enum(["+1", "-1", "laugh", "confused", "heart", "hooray", "rocket", "eyes"]) });

/**
 * Adds the caller's reaction to `reactions`: 201 with the new reaction, or 200 with the existing
 * one when the caller already reacted with the same content.
 */
function react(context: RouteContext, reactions: Reaction[]): RouteResult {
  const { content } = readBody(ReactionBody, context.body);
  const user = actingAccount(context);
  const { core } = context;
  const existing = reactions.find((reaction) => reaction.user.id === user.id && reaction.content === content);
  if (existing) return { status: 200, body: serializeReaction(core.urls, existing) };
  const id = core.store.nextId();
  const reaction: Reaction = { id, nodeId: encodeNodeId("REA", id), content, user, createdAt: core.store.timestamp() };
  reactions.push(reaction);
  return { status: 201, body: serializeReaction(core.urls, reaction) };
}

export function createForIssueRoute(context: RouteContext): RouteResult {
  const repo = repoFrom(context);
  const issue = issueFrom(context, repo);
  requireIssueAccess(context, repo, "read", issue);
  return react(context, issue.reactions);
}

export function createForIssueCommentRoute(context: RouteContext): RouteResult {
  const repo = repoFrom(context);
  const comment = commentFrom(context, repo);
  requireIssueAccess(context, repo, "read", context.core.store.issue(repo.id, comment.issueNumber));
  return react(context, comment.reactions);
}

export function listForIssueCommentRoute(context: RouteContext): RouteResult {
  const repo = repoFrom(context);
  const comment = commentFrom(context, repo);
  const content = context.query.get("content");
  const reactions = comment.reactions.filter((reaction) => content === null || reaction.content === content);
  return paged(context, reactions, (page) => page.map((reaction) => serializeReaction(context.core.urls, reaction)));
}

export function createForReviewCommentRoute(context: RouteContext): RouteResult {
  const repo = repoFrom(context);
  const comment = context.core.store.reviewComments.get(intParam(context, "comment_id"));
  if (comment?.repoId !== repo.id) throw notFound();
  requireIssueAccess(context, repo, "read", context.core.store.issue(repo.id, comment.pullNumber));
  return react(context, comment.reactions);
}
