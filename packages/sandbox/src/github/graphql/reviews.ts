import { reviewVerdictFor, rulesFor, writerCheck } from "../protection/evaluate.ts";
import { latestOpinions } from "../protection/review-policy.ts";
import { currentBaseSha } from "../routes/pulls-stats.ts";
import { authorAssociation } from "../serializers/issue.ts";
import { repositoryFullName } from "../serializers/repository.ts";
import { repoHtml } from "../serializers/urls.ts";
import type { PullRequest, Repository, Review, ReviewRequest } from "../state/types.ts";
import { actorObject } from "./actors.ts";
import { commitObject } from "./git-objects.ts";
import type { ResolveContext } from "./resolve-context.ts";

type GqlObject = Record<string, unknown>;

/** `first`/`last` of a connection field (cursors are not followed: the lists are short). */
interface SliceArgs {
  first?: number | null;
  last?: number | null;
}

/** A `<Name>Connection` of `nodes` in GitHub's shape, cut to `first`/`last`. */
function connection(name: string, all: readonly GqlObject[], args: SliceArgs): GqlObject {
  let nodes = [...all];
  if (typeof args.first === "number") nodes = nodes.slice(0, args.first);
  if (typeof args.last === "number") nodes = nodes.slice(Math.max(nodes.length - args.last, 0));
  const cursor = (index: number): string => Buffer.from(`cursor:${index}`).toString("base64");
  return {
    __typename: `${name}Connection`,
    totalCount: all.length,
    nodes,
    edges: nodes.map((node, index) => ({ __typename: `${name}Edge`, node, cursor: cursor(index) })),
    pageInfo: {
      __typename: "PageInfo",
      hasNextPage: nodes.length < all.length && nodes.at(-1) !== all.at(-1),
      hasPreviousPage: nodes.length < all.length && nodes[0] !== all[0],
      startCursor: nodes.length > 0 ? cursor(0) : null,
      endCursor: nodes.length > 0 ? cursor(nodes.length - 1) : null,
    },
  };
}

/** A `PullRequestReview`'s own fields; its `pullRequest` is given by the caller. */
function reviewObject(ctx: ResolveContext, repo: Repository, review: Review, pullRequest: () => GqlObject): GqlObject {
  const url = `${repoHtml(ctx.core.urls, repositoryFullName(repo))}/pull/${review.pullNumber}#pullrequestreview-${review.id}`;
  return {
    __typename: "PullRequestReview",
    id: review.nodeId,
    databaseId: review.id,
    state: review.state,
    body: review.body,
    author: actorObject(ctx.core, review.user),
    authorAssociation: authorAssociation(repo, review.user),
    commit: commitObject(ctx, repo, review.commitId),
    submittedAt: review.state === "PENDING" ? null : review.submittedAt,
    createdAt: review.submittedAt,
    url,
    pullRequest,
  };
}

function reviewRequestObject(ctx: ResolveContext, request: ReviewRequest, pullRequest: () => GqlObject): GqlObject {
  return {
    __typename: "ReviewRequest",
    id: request.nodeId,
    databaseId: request.id,
    asCodeOwner: request.asCodeOwner,
    requestedReviewer: actorObject(ctx.core, request.reviewer),
    pullRequest,
  };
}

/**
 * A pull request's review fields: `reviewDecision` under the base branch's rules (null without
 * them), its open `reviewRequests`, and each reviewer's `latestOpinionatedReviews`.
 */
export function pullRequestReviewFields(ctx: ResolveContext, repo: Repository, pull: PullRequest, self: () => GqlObject): GqlObject {
  return {
    reviewDecision: async () => {
      const rules = rulesFor(repo, pull);
      if (rules === null) return null;
      return (await reviewVerdictFor(ctx.core, repo, pull, rules, await currentBaseSha(ctx.core, repo, pull))).decision;
    },
    reviewRequests: (args: SliceArgs) => {
      const requests = ctx.core.store.reviewRequestsOf(repo.id, pull.number);
      return connection(
        "ReviewRequest",
        requests.map((request) => reviewRequestObject(ctx, request, self)),
        args,
      );
    },
    latestOpinionatedReviews: (args: SliceArgs & { writersOnly?: boolean | null }) => {
      const isWriter = args.writersOnly === true ? writerCheck(ctx.core, repo) : () => true;
      const reviews = latestOpinions(ctx.core.store.reviewsOf(repo.id, pull.number), isWriter);
      return connection(
        "PullRequestReview",
        reviews.map((review) => reviewObject(ctx, repo, review, self)),
        args,
      );
    },
  };
}
