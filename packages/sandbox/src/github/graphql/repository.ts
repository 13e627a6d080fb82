import { permissionOf } from "../context.ts";
import { repositoryFullName } from "../serializers/repository.ts";
import { repoHtml } from "../serializers/urls.ts";
import type { Issue, PullRequest, Repository } from "../state/types.ts";
import { actorObject } from "./actors.ts";
import { GraphqlFailure } from "./failure.ts";
import { objectByExpression, objectByOid } from "./git-objects.ts";
import type { ResolveContext } from "./resolve-context.ts";

type GqlObject = Record<string, unknown>;

/** `Repository.pullRequest(number:)`: the pull request, or GitHub's NOT_FOUND error. */
export function pullRequestNumbered(ctx: ResolveContext, repo: Repository, number: number): PullRequest {
  const pull = ctx.core.store.pull(repo.id, number);
  if (!pull) throw new GraphqlFailure("NOT_FOUND", `Could not resolve to a PullRequest with the number of ${number}.`);
  return pull;
}

/** `Repository.issue(number:)` answers pull requests too, as an error GitHub-style. */
export function issueNumbered(ctx: ResolveContext, repo: Repository, number: number): Issue {
  const issue = ctx.core.store.issue(repo.id, number);
  if (!issue || issue.isPullRequest) {
    throw new GraphqlFailure("NOT_FOUND", `Could not resolve to an Issue with the number of ${number}.`);
  }
  return issue;
}

function viewerPermission(ctx: ResolveContext, repo: Repository): string | null {
  if (ctx.actor.kind === "installation") return null;
  const permission = permissionOf(repo, ctx.account);
  return permission === "none" ? null : permission.toUpperCase();
}

/** A `Repository`'s own fields; the ones that lead to its refs, issues, pull requests and queue are in `object-graph.ts`. */
export function repositoryFields(ctx: ResolveContext, repo: Repository): GqlObject {
  const nameWithOwner = repositoryFullName(repo);
  const url = repoHtml(ctx.core.urls, nameWithOwner);
  return {
    __typename: "Repository",
    id: repo.nodeId,
    databaseId: repo.id,
    name: repo.name,
    nameWithOwner,
    owner: actorObject(ctx.core, repo.owner),
    url,
    resourcePath: `/${nameWithOwner}`,
    isPrivate: repo.private,
    visibility: repo.private ? "PRIVATE" : "PUBLIC",
    isArchived: false,
    description: null,
    createdAt: repo.createdAt,
    updatedAt: repo.updatedAt,
    pushedAt: repo.pushedAt,
    viewerPermission: () => viewerPermission(ctx, repo),
    object: (args: { expression?: string | null; oid?: string | null }) => {
      if (typeof args.oid === "string") return objectByOid(ctx, repo, args.oid);
      return typeof args.expression === "string" ? objectByExpression(ctx, repo, args.expression) : null;
    },
  };
}
