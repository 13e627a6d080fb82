import { decodeNodeId } from "../state/store.ts";
import type { PullRequest, Repository } from "../state/types.ts";
import { nodeNotFound } from "./failure.ts";
import {
  issueCommentObject,
  issueObject,
  mergeQueueEntryObject,
  mergeQueueObject,
  pullRequestObject,
  repositoryObject,
} from "./object-graph.ts";
import { canSee, type ResolveContext } from "./resolve-context.ts";

type GqlObject = Record<string, unknown>;
type Found = { repo: Repository | undefined; build: (repo: Repository) => GqlObject };

function findNode(ctx: ResolveContext, id: string): Found | null {
  const { store } = ctx.core;
  const repoOf = (repoId: number): Repository | undefined => store.repositories.get(repoId);
  const repo = [...store.repositories.values()].find((candidate) => candidate.nodeId === id);
  if (repo) return { repo, build: (found) => repositoryObject(ctx, found) };
  const pull = [...store.pulls.values()].find((candidate) => candidate.nodeId === id);
  if (pull) return { repo: repoOf(pull.repoId), build: (found) => pullRequestObject(ctx, found, pull) };
  const issue = [...store.issues.values()].find((candidate) => candidate.nodeId === id);
  if (issue) {
    const pullOfIssue = issue.isPullRequest ? store.pull(issue.repoId, issue.number) : undefined;
    const build = pullOfIssue
      ? (found: Repository): GqlObject => pullRequestObject(ctx, found, pullOfIssue)
      : (found: Repository): GqlObject => issueObject(ctx, found, issue);
    return { repo: repoOf(issue.repoId), build };
  }
  const comment = [...store.comments.values()].find((candidate) => candidate.nodeId === id);
  if (comment) return { repo: repoOf(comment.repoId), build: (found) => issueCommentObject(ctx, found, comment) };
  const entry = [...store.queueEntries.values()].find((candidate) => candidate.nodeId === id);
  if (entry) return { repo: repoOf(entry.repoId), build: (found) => mergeQueueEntryObject(ctx, found, entry) };
  const decoded = decodeNodeId(id);
  if (decoded?.type === "MQ") return { repo: repoOf(decoded.id), build: (found) => mergeQueueObject(ctx, found) };
  return null;
}

/** `node(id:)`: the object with that global id, if the caller can see its repository. */
export function nodeById(ctx: ResolveContext, id: string): GqlObject {
  const found = findNode(ctx, id);
  if (!found?.repo || !canSee(ctx, found.repo)) throw nodeNotFound(id);
  return found.build(found.repo);
}

/** `nodes(ids:)`: one entry per id; an id that resolves to nothing is a null with its own error. */
export function nodesByIds(ctx: ResolveContext, ids: readonly string[]): Array<GqlObject | Error> {
  return ids.map((id) => {
    try {
      return nodeById(ctx, id);
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  });
}

/** The pull request behind a `pullRequestId` mutation input, with its repository. */
export function pullByNodeId(ctx: ResolveContext, id: string): { repo: Repository; pull: PullRequest } {
  const { store } = ctx.core;
  const pull = [...store.pulls.values()].find((candidate) => candidate.nodeId === id);
  const repo = pull ? store.repositories.get(pull.repoId) : undefined;
  if (!pull || !repo || !canSee(ctx, repo)) throw nodeNotFound(id);
  return { repo, pull };
}
