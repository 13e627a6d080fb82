import type { Issue, IssueComment, MergeQueueEntry, PullRequest, Repository } from "../state/types.ts";
import { issueCommentFields, issueFields } from "./issues.ts";
import { entriesConnection, hasMergeQueue, mergeQueueEntryFields, mergeQueueFields, type PageArgs } from "./merge-queue-objects.ts";
import { autoMergeRequestFields, pullRequestFields } from "./pull-requests.ts";
import { pullRequestReviewFields } from "./reviews.ts";
import { defaultBranchOf, findRef, refFields, type FoundRef } from "./refs.ts";
import { issueNumbered, pullRequestNumbered, repositoryFields } from "./repository.ts";
import type { ResolveContext } from "./resolve-context.ts";

/*
 * GitHub's objects lead to each other (a repository to its pull requests, a pull request back to
 * its repository and to its queue entry, an entry to its pull request). Each object's own fields
 * live in its module; the fields that lead to another object are added here, so the modules do
 * not import each other.
 */

type GqlObject = Record<string, unknown>;

export function repositoryObject(ctx: ResolveContext, repo: Repository): GqlObject {
  const refOrNull = (ref: FoundRef | null): GqlObject | null => (ref ? refObject(ctx, repo, ref.qualifiedName, ref.oid) : null);
  return {
    ...repositoryFields(ctx, repo),
    defaultBranchRef: async () => refOrNull(await defaultBranchOf(repo)),
    ref: async (args: { qualifiedName: string }) => refOrNull(await findRef(repo, args.qualifiedName)),
    pullRequest: (args: { number: number }) => pullRequestObject(ctx, repo, pullRequestNumbered(ctx, repo, args.number)),
    issue: (args: { number: number }) => issueObject(ctx, repo, issueNumbered(ctx, repo, args.number)),
    mergeQueue: (args: { branch?: string | null }) => (hasMergeQueue(repo, args.branch) ? mergeQueueObject(ctx, repo) : null),
  };
}

export function issueObject(ctx: ResolveContext, repo: Repository, issue: Issue): GqlObject {
  return { ...issueFields(ctx, repo, issue), repository: () => repositoryObject(ctx, repo) };
}

export function issueCommentObject(ctx: ResolveContext, repo: Repository, comment: IssueComment): GqlObject {
  return { ...issueCommentFields(ctx, repo, comment), repository: () => repositoryObject(ctx, repo) };
}

/** A `Ref` (`refs/heads/<name>` or `refs/tags/<name>`) pointing at `oid`. */
export function refObject(ctx: ResolveContext, repo: Repository, qualifiedName: string, oid: string): GqlObject {
  return { ...refFields(ctx, repo, { qualifiedName, oid }), repository: () => repositoryObject(ctx, repo) };
}

export function pullRequestObject(ctx: ResolveContext, repo: Repository, pull: PullRequest): GqlObject {
  const repository = (): GqlObject => repositoryObject(ctx, repo);
  return {
    ...pullRequestFields(ctx, repo, pull),
    ...pullRequestReviewFields(ctx, repo, pull, () => pullRequestObject(ctx, repo, pull)),
    repository,
    headRepository: repository,
    baseRepository: repository,
    mergeQueueEntry: () => {
      const entry = ctx.queue?.entryOf(repo, pull);
      return entry ? mergeQueueEntryObject(ctx, repo, entry) : null;
    },
    autoMergeRequest: () => {
      const request = autoMergeRequestFields(ctx, pull);
      return request ? { ...request, pullRequest: () => pullRequestObject(ctx, repo, pull) } : null;
    },
  };
}

export function mergeQueueEntryObject(ctx: ResolveContext, repo: Repository, entry: MergeQueueEntry): GqlObject {
  return {
    ...mergeQueueEntryFields(ctx, repo, entry),
    pullRequest: () => {
      const pull = ctx.core.store.pull(repo.id, entry.pullNumber);
      return pull ? pullRequestObject(ctx, repo, pull) : null;
    },
    mergeQueue: () => mergeQueueObject(ctx, repo),
  };
}

export function mergeQueueObject(ctx: ResolveContext, repo: Repository): GqlObject {
  return {
    ...mergeQueueFields(ctx, repo),
    entries: (args: PageArgs) =>
      entriesConnection(ctx.queue?.entries(repo) ?? [], args, (entry) => mergeQueueEntryObject(ctx, repo, entry)),
    repository: () => repositoryObject(ctx, repo),
  };
}
