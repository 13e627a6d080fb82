import { EnqueueRejectedError, NO_MERGE_QUEUE_MESSAGE } from "../../merge-queue/index.ts";
import { actorObject } from "../actors.ts";
import { GraphqlFailure } from "../failure.ts";
import { pullByNodeId } from "../nodes.ts";
import { mergeQueueEntryObject, pullRequestObject } from "../object-graph.ts";
import { requireWrite, type ResolveContext } from "../resolve-context.ts";
import { DequeueInput, DisableAutoMergeInput, EnableAutoMergeInput, EnqueueInput, inputOf } from "./inputs.ts";

type Args = Readonly<Record<string, unknown>>;
type GqlObject = Record<string, unknown>;

/** Merging needs contents and pull request write access for an app, push access for a user. */
const MERGE_PERMISSIONS = ["contents", "pull_requests"];

/** Runs merge queue work, answering its refusals as GitHub's `UNPROCESSABLE` errors. */
async function unprocessable<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof EnqueueRejectedError) throw new GraphqlFailure("UNPROCESSABLE", error.message);
    throw error;
  }
}

function queueOf(ctx: ResolveContext): NonNullable<ResolveContext["queue"]> {
  if (!ctx.queue) throw new GraphqlFailure("UNPROCESSABLE", NO_MERGE_QUEUE_MESSAGE);
  return ctx.queue;
}

export async function enqueuePullRequest(ctx: ResolveContext, args: Args): Promise<GqlObject> {
  const input = inputOf(EnqueueInput, args);
  const { repo, pull } = pullByNodeId(ctx, input.pullRequestId);
  requireWrite(ctx, repo, MERGE_PERMISSIONS, "EnqueuePullRequest");
  const queue = queueOf(ctx);
  const options = { expectedHeadOid: input.expectedHeadOid ?? null, jump: input.jump ?? false };
  const entry = await unprocessable(() => queue.enqueue(repo, pull, ctx.account, options));
  return { clientMutationId: input.clientMutationId ?? null, mergeQueueEntry: mergeQueueEntryObject(ctx, repo, entry) };
}

export async function dequeuePullRequest(ctx: ResolveContext, args: Args): Promise<GqlObject> {
  const input = inputOf(DequeueInput, args);
  const { repo, pull } = pullByNodeId(ctx, input.id);
  requireWrite(ctx, repo, MERGE_PERMISSIONS, "DequeuePullRequest");
  const queue = queueOf(ctx);
  const entry = await unprocessable(() => queue.dequeue(repo, pull, ctx.account));
  return { clientMutationId: input.clientMutationId ?? null, mergeQueueEntry: mergeQueueEntryObject(ctx, repo, entry) };
}

export async function enablePullRequestAutoMerge(ctx: ResolveContext, args: Args): Promise<GqlObject> {
  const input = inputOf(EnableAutoMergeInput, args);
  const { repo, pull } = pullByNodeId(ctx, input.pullRequestId);
  requireWrite(ctx, repo, MERGE_PERMISSIONS, "EnablePullRequestAutoMerge");
  const queue = queueOf(ctx);
  const mergeMethod = (input.mergeMethod ?? "MERGE").toLowerCase() as "merge" | "squash" | "rebase";
  await unprocessable(() =>
    queue.enableAutoMerge(repo, pull, ctx.account, { mergeMethod, expectedHeadOid: input.expectedHeadOid ?? null }),
  );
  return {
    clientMutationId: input.clientMutationId ?? null,
    pullRequest: pullRequestObject(ctx, repo, pull),
    actor: actorObject(ctx.core, ctx.account),
  };
}

export async function disablePullRequestAutoMerge(ctx: ResolveContext, args: Args): Promise<GqlObject> {
  const input = inputOf(DisableAutoMergeInput, args);
  const { repo, pull } = pullByNodeId(ctx, input.pullRequestId);
  requireWrite(ctx, repo, MERGE_PERMISSIONS, "DisablePullRequestAutoMerge");
  await queueOf(ctx).disableAutoMerge(repo, pull, ctx.account);
  return {
    clientMutationId: input.clientMutationId ?? null,
    pullRequest: pullRequestObject(ctx, repo, pull),
    actor: actorObject(ctx.core, ctx.account),
  };
}
