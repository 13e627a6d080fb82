import { permissionOf } from "../context.ts";
import { repositoryFullName } from "../serializers/repository.ts";
import { repoHtml } from "../serializers/urls.ts";
import type { Repository } from "../state/types.ts";
import { actorObject } from "./actors.ts";
import { GraphqlFailure } from "./failure.ts";
import { objectByExpression, objectByOid } from "./git-objects.ts";
import { issueObject } from "./issues.ts";
import { mergeQueueFor } from "./merge-queue-objects.ts";
import { pullRequestObject } from "./pull-requests.ts";
import { refByName, refObject } from "./refs.ts";
import type { ResolveContext } from "./resolve-context.ts";

type GqlObject = Record<string, unknown>;

function pullRequestField(ctx: ResolveContext, repo: Repository, args: { number: number }): GqlObject {
  const pull = ctx.core.store.pull(repo.id, args.number);
  if (!pull) throw new GraphqlFailure("NOT_FOUND", `Could not resolve to a PullRequest with the number of ${args.number}.`);
  return pullRequestObject(ctx, repo, pull);
}

/** `Repository.issue(number:)` answers pull requests too, as an error GitHub-style. */
function issueField(ctx: ResolveContext, repo: Repository, args: { number: number }): GqlObject {
  const issue = ctx.core.store.issue(repo.id, args.number);
  if (!issue || issue.isPullRequest) {
    throw new GraphqlFailure("NOT_FOUND", `Could not resolve to an Issue with the number of ${args.number}.`);
  }
  return issueObject(ctx, repo, issue);
}

async function defaultBranchRef(ctx: ResolveContext, repo: Repository): Promise<GqlObject | null> {
  const oid = await repo.git.getRef(`heads/${repo.defaultBranch}`);
  return oid === null ? null : refObject(ctx, repo, `refs/heads/${repo.defaultBranch}`, oid);
}

function viewerPermission(ctx: ResolveContext, repo: Repository): string | null {
  if (ctx.actor.kind === "installation") return null;
  const permission = permissionOf(repo, ctx.account);
  return permission === "none" ? null : permission.toUpperCase();
}

export function repositoryObject(ctx: ResolveContext, repo: Repository): GqlObject {
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
    defaultBranchRef: () => defaultBranchRef(ctx, repo),
    ref: (args: { qualifiedName: string }) => refByName(ctx, repo, args.qualifiedName),
    object: (args: { expression?: string | null; oid?: string | null }) => {
      if (typeof args.oid === "string") return objectByOid(ctx, repo, args.oid);
      return typeof args.expression === "string" ? objectByExpression(ctx, repo, args.expression) : null;
    },
    pullRequest: (args: { number: number }) => pullRequestField(ctx, repo, args),
    issue: (args: { number: number }) => issueField(ctx, repo, args),
    mergeQueue: (args: { branch?: string | null }) => mergeQueueFor(ctx, repo, args.branch),
  };
}
