import { computePullStats, currentBaseSha } from "../routes/pulls-stats.ts";
import type { MergeableState } from "../serializers/pull.ts";
import { pullIssue } from "../serializers/pull.ts";
import { repositoryFullName } from "../serializers/repository.ts";
import { repoHtml } from "../serializers/urls.ts";
import type { PullRequest, Repository } from "../state/types.ts";
import { actorObject } from "./actors.ts";
import { commitObject } from "./git-objects.ts";
import { lazy } from "./lazy.ts";
import { mergeQueueEntryObject } from "./merge-queue-objects.ts";
import { repositoryObject } from "./repository.ts";
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

function autoMergeRequestObject(ctx: ResolveContext, repo: Repository, pull: PullRequest): GqlObject | null {
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
    pullRequest: () => pullRequestObject(ctx, repo, pull),
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

function queueFields(ctx: ResolveContext, repo: Repository, pull: PullRequest): GqlObject {
  const entry = (): ReturnType<NonNullable<ResolveContext["queue"]>["entryOf"]> => ctx.queue?.entryOf(repo, pull);
  return {
    isInMergeQueue: () => entry() !== undefined,
    isMergeQueueEnabled: repo.mergeQueue && pull.baseRef === repo.defaultBranch,
    mergeQueueEntry: () => {
      const queued = entry();
      return queued ? mergeQueueEntryObject(ctx, repo, queued) : null;
    },
    autoMergeRequest: () => autoMergeRequestObject(ctx, repo, pull),
  };
}

export function pullRequestObject(ctx: ResolveContext, repo: Repository, pull: PullRequest): GqlObject {
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
    repository: () => repositoryObject(ctx, repo),
    headRepository: () => repositoryObject(ctx, repo),
    baseRepository: () => repositoryObject(ctx, repo),
    ...mergeabilityFields(ctx, repo, pull),
    ...queueFields(ctx, repo, pull),
  };
}
