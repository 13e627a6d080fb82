import { encodeNodeId } from "../state/store.ts";
import { repositoryFullName } from "../serializers/repository.ts";
import { repoHtml } from "../serializers/urls.ts";
import type { MergeQueueEntry, Repository } from "../state/types.ts";
import { actorObject } from "./actors.ts";
import { commitObject } from "./git-objects.ts";
import type { ResolveContext } from "./resolve-context.ts";

type GqlObject = Record<string, unknown>;

/** `first`/`last` of a connection field. */
export interface PageArgs {
  first?: number | null;
  last?: number | null;
}

/** How the sandbox's queue behaves, in `MergeQueueConfiguration` terms. */
const CONFIGURATION = {
  __typename: "MergeQueueConfiguration",
  checkResponseTimeout: 60,
  maximumEntriesToBuild: 5,
  maximumEntriesToMerge: 1,
  mergeMethod: "MERGE",
  mergingStrategy: "ALLGREEN",
  minimumEntriesToMerge: 1,
  minimumEntriesToMergeWaitTime: 0,
};

function mergeQueueNodeId(repo: Repository): string {
  return encodeNodeId("MQ", repo.id);
}

/** `Repository.mergeQueue(branch:)` is null unless the branch (the default one when omitted) has a queue. */
export function hasMergeQueue(repo: Repository, branch: string | null | undefined): boolean {
  return repo.mergeQueue && (branch === null || branch === undefined || branch === repo.defaultBranch);
}

/**
 * A queue entry's own fields; its `pullRequest` and `mergeQueue` are added in `object-graph.ts`.
 * `headCommit` is the commit being tested: the entry's merge group once built, the pull request
 * head before that; `baseCommit` is what the group was built on.
 */
export function mergeQueueEntryFields(ctx: ResolveContext, repo: Repository, entry: MergeQueueEntry): GqlObject {
  const group = ctx.queue?.groupOf(entry);
  return {
    __typename: "MergeQueueEntry",
    id: entry.nodeId,
    state: entry.state,
    position: () => ctx.queue?.position(entry) ?? 0,
    enqueuedAt: entry.enqueuedAt,
    enqueuer: actorObject(ctx.core, entry.enqueuer),
    jump: false,
    solo: false,
    estimatedTimeToMerge: null,
    headCommit: commitObject(ctx, repo, entry.groupSha ?? entry.headSha),
    baseCommit: group ? commitObject(ctx, repo, group.baseSha) : null,
  };
}

/** A `MergeQueueEntryConnection` over the queue's entries, each shown with `present`. */
export function entriesConnection(
  all: readonly MergeQueueEntry[],
  args: PageArgs,
  present: (entry: MergeQueueEntry) => GqlObject,
): GqlObject {
  let slice = all;
  if (typeof args.first === "number") slice = slice.slice(0, args.first);
  if (typeof args.last === "number") slice = slice.slice(Math.max(slice.length - args.last, 0));
  const nodes = slice.map(present);
  return {
    __typename: "MergeQueueEntryConnection",
    totalCount: all.length,
    nodes,
    edges: nodes.map((node, index) => ({
      __typename: "MergeQueueEntryEdge",
      node,
      cursor: Buffer.from(`cursor:${index}`).toString("base64"),
    })),
    pageInfo: {
      __typename: "PageInfo",
      hasNextPage: slice.length > 0 && slice.at(-1) !== all.at(-1),
      hasPreviousPage: slice.length > 0 && slice[0] !== all[0],
      startCursor: null,
      endCursor: null,
    },
  };
}

/** A `MergeQueue`'s own fields; its `entries` and `repository` are added in `object-graph.ts`. */
export function mergeQueueFields(ctx: ResolveContext, repo: Repository): GqlObject {
  const url = `${repoHtml(ctx.core.urls, repositoryFullName(repo))}/queue/${repo.defaultBranch}`;
  return {
    __typename: "MergeQueue",
    id: mergeQueueNodeId(repo),
    url,
    resourcePath: new URL(url).pathname,
    nextEntryEstimatedTimeToMerge: null,
    configuration: CONFIGURATION,
  };
}
