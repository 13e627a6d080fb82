import { goesThroughQueue } from "../merge-queue/auto-merge.ts";
import { computePullStats, currentBaseSha } from "../routes/pulls-stats.ts";
import type { MergeableState } from "../serializers/pull.ts";
import { pullIssue } from "../serializers/pull.ts";
import { repositoryFullName } from "../serializers/repository.ts";
import { repoHtml } from "../serializers/urls.ts";
import type { PullRequest, Repository } from "../state/types.ts";
import { actorObject } from "./actors.ts";
import { commitObject } from "./git-objects.ts";
import { lazy } from "./lazy.ts";
import type { ResolveContext } from "./resolve-context.ts";

type GqlObject = Record<string, unknown>;

const MERGE_STATE_STATUS: Record<MergeableState, string> = {
  clean: "CLEAN",
  dirty: "DIRTY",
  unstable: "UNSTABLE",
  blocked: "BLOCKED",
  behind: "BEHIND",
  draft: "DRAFT",
  unknown: "UNKNOWN",
};

/** The pull request's `AutoMergeRequest` while auto-merge is on; its `pullRequest` is added in `object-graph.ts`. */
export function autoMergeRequestFields(ctx: ResolveContext, pull: PullRequest): GqlObject | null {
  const request = pull.autoMerge;
  if (!request) return null;
  return {
    __typename: "AutoMergeRequest",
    enabledAt: ctx.queue?.autoMergeEnabledAt(pull) ?? null,
    enabledBy: actorObject(ctx.core, request.enabledBy),
    mergeMethod: request.mergeMethod.toUpperCase(),
    commitHeadline: null,
    commitBody: null,
    authorEmail: null,
  };
}

function mergeabilityFields(ctx: ResolveContext, repo: Repository, pull: PullRequest): GqlObject {
  const stats = lazy(() => computePullStats(ctx.core, repo, pull));
  return {
    mergeable: async () => {
      const { mergeable } = await stats();
      return mergeable === null ? "UNKNOWN" : mergeable ? "MERGEABLE" : "CONFLICTING";
    },
    mergeStateStatus: async () => MERGE_STATE_STATUS[(await stats()).mergeableState],
  };
}

/**
 * A `PullRequest`'s own fields; the ones that lead to its repository, its merge queue entry and
 * its auto-merge request are added in `object-graph.ts`.
 */
export function pullRequestFields(ctx: ResolveContext, repo: Repository, pull: PullRequest): GqlObject {
  const issue = pullIssue(ctx.core, pull);
  const url = `${repoHtml(ctx.core.urls, repositoryFullName(repo))}/pull/${pull.number}`;
  return {
    __typename: "PullRequest",
    id: pull.nodeId,
    databaseId: pull.id,
    number: pull.number,
    title: issue.title,
    body: issue.body ?? "",
    url,
    permalink: url,
    resourcePath: new URL(url).pathname,
    state: pull.merged ? "MERGED" : issue.state === "open" ? "OPEN" : "CLOSED",
    closed: issue.state === "closed",
    closedAt: issue.closedAt,
    createdAt: issue.createdAt,
    updatedAt: issue.updatedAt,
    isDraft: pull.draft,
    merged: pull.merged,
    mergedAt: pull.mergedAt,
    mergedBy: pull.mergedBy ? actorObject(ctx.core, pull.mergedBy) : null,
    mergeCommit: pull.mergeCommitSha ? commitObject(ctx, repo, pull.mergeCommitSha) : null,
    headRefName: pull.headRef,
    headRefOid: pull.headSha,
    baseRefName: pull.baseRef,
    baseRefOid: () => currentBaseSha(ctx.core, repo, pull),
    author: actorObject(ctx.core, issue.user),
    isInMergeQueue: () => ctx.queue?.entryOf(repo, pull) !== undefined,
    isMergeQueueEnabled: goesThroughQueue(repo, pull),
    ...mergeabilityFields(ctx, repo, pull),
  };
}
