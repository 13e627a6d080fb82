import { paged, repoFrom, type RouteContext, type RouteResult } from "../context.ts";
import type { SandboxCore } from "../core.ts";
import { serializeCommit, serializeDiffEntry } from "../serializers/git.ts";
import { pullIssue, serializePullRequest, serializePullRequestSimple } from "../serializers/pull.ts";
import type { PullRequest, Repository } from "../state/types.ts";
import { headBranchName, pullFrom } from "./pulls-common.ts";
import { comparePull, computePullStats, isPullOpen } from "./pulls-stats.ts";

/** GitHub lists at most this many commits and files of a pull request. */
const MAX_COMMITS = 250;
const MAX_FILES = 3000;

/** `GET /pulls/{pull_number}`: mergeability is computed on each read. */
export async function getPull(context: RouteContext): Promise<RouteResult> {
  const repo = repoFrom(context);
  const pull = pullFrom(context, repo);
  const stats = await computePullStats(context.core, repo, pull);
  return { body: serializePullRequest(context.core, repo, pull, stats) };
}

function matchesState(core: SandboxCore, pull: PullRequest, state: string): boolean {
  if (state === "all") return true;
  return (state === "open") === isPullOpen(core, pull);
}

function sortKey(core: SandboxCore, pull: PullRequest, sort: string): string | number {
  const issue = pullIssue(core, pull);
  if (sort === "updated") return issue.updatedAt;
  if (sort === "popularity") return core.store.commentsOn(pull.repoId, pull.number).length;
  return issue.createdAt;
}

function sortPulls(core: SandboxCore, pulls: PullRequest[], sort: string, direction: string): PullRequest[] {
  const sign = direction === "asc" ? 1 : -1;
  return [...pulls].sort((a, b) => {
    const left = sortKey(core, a, sort);
    const right = sortKey(core, b, sort);
    if (left === right) return sign * (a.number - b.number);
    return sign * (left < right ? -1 : 1);
  });
}

function filterPulls(context: RouteContext, repo: Repository): PullRequest[] {
  const { core, query } = context;
  const state = query.get("state") ?? "open";
  const head = query.get("head");
  const headRef = head === null ? null : headBranchName(repo, head);
  const base = query.get("base");
  return core.store
    .pullsOf(repo.id)
    .filter((pull) => matchesState(core, pull, state))
    .filter((pull) => head === null || pull.headRef === headRef)
    .filter((pull) => base === null || pull.baseRef === base);
}

/** `GET /pulls`: `state`, `head` (`owner:branch`), `base`, `sort`, `direction`; paged. */
export function listPulls(context: RouteContext): RouteResult {
  const repo = repoFrom(context);
  const sort = context.query.get("sort") ?? "created";
  const defaultDirection = sort === "created" ? "desc" : "asc";
  const direction = context.query.get("direction") ?? defaultDirection;
  const pulls = sortPulls(context.core, filterPulls(context, repo), sort, direction);
  return paged(context, pulls, (page) => page.map((pull) => serializePullRequestSimple(context.core, repo, pull)));
}

/** `GET /pulls/{pull_number}/files`: the files changed from the merge base to the head. */
export async function listPullFiles(context: RouteContext): Promise<RouteResult> {
  const repo = repoFrom(context);
  const pull = pullFrom(context, repo);
  const comparison = await comparePull(context.core, repo, pull);
  const files = (comparison?.files ?? []).slice(0, MAX_FILES);
  return paged(context, files, (page) => page.map((file) => serializeDiffEntry(context.core, repo, pull.headSha, file)));
}

/** `GET /pulls/{pull_number}/commits`: the head's commits missing from the base, oldest first. */
export async function listPullCommits(context: RouteContext): Promise<RouteResult> {
  const repo = repoFrom(context);
  const pull = pullFrom(context, repo);
  const comparison = await comparePull(context.core, repo, pull);
  const shas = (comparison?.commits ?? []).slice(0, MAX_COMMITS);
  const commits = await Promise.all(shas.map((sha) => repo.git.getCommit(sha)));
  return paged(
    context,
    commits.map((info) => serializeCommit(context.core, repo, info)),
  );
}
