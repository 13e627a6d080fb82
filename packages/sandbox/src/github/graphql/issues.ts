import { repositoryFullName } from "../serializers/repository.ts";
import { repoHtml } from "../serializers/urls.ts";
import type { Issue, IssueComment, Repository } from "../state/types.ts";
import { actorObject } from "./actors.ts";
import type { ResolveContext } from "./resolve-context.ts";

const STATE_REASONS = { completed: "COMPLETED", not_planned: "NOT_PLANNED", reopened: "REOPENED" } as const;

/** An `Issue`'s own fields; its `repository` is added in `object-graph.ts`. */
export function issueFields(ctx: ResolveContext, repo: Repository, issue: Issue): Record<string, unknown> {
  const url = `${repoHtml(ctx.core.urls, repositoryFullName(repo))}/issues/${issue.number}`;
  return {
    __typename: "Issue",
    id: issue.nodeId,
    databaseId: issue.id,
    number: issue.number,
    title: issue.title,
    body: issue.body ?? "",
    state: issue.state === "open" ? "OPEN" : "CLOSED",
    stateReason: issue.stateReason ? STATE_REASONS[issue.stateReason] : null,
    closed: issue.state === "closed",
    closedAt: issue.closedAt,
    createdAt: issue.createdAt,
    updatedAt: issue.updatedAt,
    locked: issue.locked,
    url,
    resourcePath: new URL(url).pathname,
    author: actorObject(ctx.core, issue.user),
  };
}

/** An `IssueComment`'s own fields; its `repository` is added in `object-graph.ts`. */
export function issueCommentFields(ctx: ResolveContext, repo: Repository, comment: IssueComment): Record<string, unknown> {
  const issueUrl = `${repoHtml(ctx.core.urls, repositoryFullName(repo))}/issues/${comment.issueNumber}`;
  return {
    __typename: "IssueComment",
    id: comment.nodeId,
    databaseId: comment.id,
    body: comment.body,
    createdAt: comment.createdAt,
    updatedAt: comment.updatedAt,
    lastEditedAt: comment.lastEditedAt,
    url: `${issueUrl}#issuecomment-${comment.id}`,
    author: actorObject(ctx.core, comment.user),
  };
}
