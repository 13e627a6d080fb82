import { actorObject } from "./actors.ts";
import { repositoryNotFound } from "./failure.ts";
import { createCommitOnBranch } from "./mutations/create-commit-on-branch.ts";
import {
  dequeuePullRequest,
  disablePullRequestAutoMerge,
  enablePullRequestAutoMerge,
  enqueuePullRequest,
} from "./mutations/queue-mutations.ts";
import { nodeById, nodesByIds } from "./nodes.ts";
import { repositoryObject } from "./object-graph.ts";
import { canSee, type ResolveContext } from "./resolve-context.ts";

type Args = Readonly<Record<string, unknown>>;

function repositoryField(ctx: ResolveContext, args: { owner: string; name: string }): Record<string, unknown> {
  const repo = ctx.core.store.findRepository(args.owner, args.name);
  if (!repo || !canSee(ctx, repo)) throw repositoryNotFound(`${args.owner}/${args.name}`);
  return repositoryObject(ctx, repo);
}

function rateLimit(ctx: ResolveContext): Record<string, unknown> {
  const resetAt = new Date(ctx.core.store.now().getTime() + 3_600_000).toISOString().replace(/\.\d{3}Z$/, "Z");
  return { __typename: "RateLimit", limit: 5000, cost: 1, remaining: 4999, used: 1, nodeCount: 0, resetAt };
}

/**
 * The root object for queries and mutations alike (graphql-js resolves both operation types
 * against `rootValue`): each field is a resolver called with `(args, context, info)`.
 */
export function buildRootValue(ctx: ResolveContext): Record<string, unknown> {
  return {
    repository: (args: { owner: string; name: string }) => repositoryField(ctx, args),
    node: (args: { id: string }) => nodeById(ctx, args.id),
    nodes: (args: { ids: string[] }) => nodesByIds(ctx, args.ids),
    viewer: () => actorObject(ctx.core, ctx.account),
    rateLimit: () => rateLimit(ctx),
    enqueuePullRequest: (args: Args) => enqueuePullRequest(ctx, args),
    dequeuePullRequest: (args: Args) => dequeuePullRequest(ctx, args),
    enablePullRequestAutoMerge: (args: Args) => enablePullRequestAutoMerge(ctx, args),
    disablePullRequestAutoMerge: (args: Args) => disablePullRequestAutoMerge(ctx, args),
    createCommitOnBranch: (args: Args) => createCommitOnBranch(ctx, args),
  };
}
