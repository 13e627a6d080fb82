import type { SandboxCore } from "../core.ts";
import type { SandboxStore } from "../state/store.ts";
import type { Issue, Label, PullRequest, Repository } from "../state/types.ts";
import { authorAssociation, serializeLabel } from "./issue.ts";
import { repositoryFullName, serializeRepository } from "./repository.ts";
import { repoApi, repoHtml } from "./urls.ts";
import { serializeUser } from "./user.ts";

/** `mergeable_state` values GitHub reports. */
export type MergeableState = "clean" | "dirty" | "unstable" | "blocked" | "behind" | "draft" | "unknown";

/** What a pull request's full representation needs from git: counts and mergeability. */
export interface PullStats {
  commits: number;
  additions: number;
  deletions: number;
  changedFiles: number;
  mergeable: boolean | null;
  rebaseable: boolean | null;
  mergeableState: MergeableState;
}

/** Stats GitHub shows before it has computed anything. */
const UNKNOWN_PULL_STATS: PullStats = {
  commits: 0,
  additions: 0,
  deletions: 0,
  changedFiles: 0,
  mergeable: null,
  rebaseable: null,
  mergeableState: "unknown",
};

/**
 * The last stats computed for each pull request of a store, so synchronous callers can serialize
 * a pull request with the numbers of its latest computation (`computePullStats` refreshes them).
 */
const lastStats = new WeakMap<SandboxStore, Map<string, PullStats>>();

const statsKey = (pull: PullRequest): string => `${pull.repoId}#${pull.number}`;

export function rememberPullStats(store: SandboxStore, pull: PullRequest, stats: PullStats): void {
  let byPull = lastStats.get(store);
  if (!byPull) {
    byPull = new Map();
    lastStats.set(store, byPull);
  }
  byPull.set(statsKey(pull), stats);
}

function lastPullStats(store: SandboxStore, pull: PullRequest): PullStats {
  return lastStats.get(store)?.get(statsKey(pull)) ?? UNKNOWN_PULL_STATS;
}

/** The issue every pull request shares its number, title, body, state and labels with. */
export function pullIssue(core: SandboxCore, pull: PullRequest): Issue {
  const issue = core.store.issue(pull.repoId, pull.number);
  if (!issue) throw new Error(`pull request #${pull.number} of repository ${pull.repoId} has no issue`);
  return issue;
}

function branchSide(core: SandboxCore, repo: Repository, ref: string, sha: string): Record<string, unknown> {
  return {
    label: `${repo.owner.login}:${ref}`,
    ref,
    sha,
    user: serializeUser(core.urls, repo.owner),
    repo: serializeRepository(core.urls, repo, core.openIssueCount(repo)),
  };
}

function links(api: string, html: string, number: number, headSha: string): Record<string, { href: string }> {
  return {
    self: { href: `${api}/pulls/${number}` },
    html: { href: `${html}/pull/${number}` },
    issue: { href: `${api}/issues/${number}` },
    comments: { href: `${api}/issues/${number}/comments` },
    review_comments: { href: `${api}/pulls/${number}/comments` },
    review_comment: { href: `${api}/pulls/comments{/number}` },
    commits: { href: `${api}/pulls/${number}/commits` },
    statuses: { href: `${api}/statuses/${headSha}` },
  };
}

function labelsOf(core: SandboxCore, repo: Repository, issue: Issue): Array<Record<string, unknown>> {
  return issue.labels
    .map((name) => repo.labels.get(name.toLowerCase()))
    .filter((label): label is Label => label !== undefined)
    .map((label) => serializeLabel(core.urls, repo, label));
}

function autoMerge(core: SandboxCore, pull: PullRequest): Record<string, unknown> | null {
  if (!pull.autoMerge) return null;
  return {
    enabled_by: serializeUser(core.urls, pull.autoMerge.enabledBy),
    merge_method: pull.autoMerge.mergeMethod,
    commit_title: null,
    commit_message: null,
  };
}

/**
 * GitHub's `pull-request-simple`: what `GET /pulls` lists and what review webhooks embed
 * (no mergeability, counts or merge actor).
 */
export function serializePullRequestSimple(core: SandboxCore, repo: Repository, pull: PullRequest): Record<string, unknown> {
  const issue = pullIssue(core, pull);
  const fullName = repositoryFullName(repo);
  const api = repoApi(core.urls, fullName);
  const html = repoHtml(core.urls, fullName);
  const { number } = pull;
  return {
    url: `${api}/pulls/${number}`,
    id: pull.id,
    node_id: pull.nodeId,
    html_url: `${html}/pull/${number}`,
    diff_url: `${html}/pull/${number}.diff`,
    patch_url: `${html}/pull/${number}.patch`,
    issue_url: `${api}/issues/${number}`,
    number,
    state: issue.state,
    locked: issue.locked,
    title: issue.title,
    user: serializeUser(core.urls, issue.user),
    body: issue.body,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.mergeCommitSha,
    assignee: null,
    assignees: [],
    requested_reviewers: core.store.reviewRequestsOf(repo.id, number).map((request) => serializeUser(core.urls, request.reviewer)),
    requested_teams: [],
    labels: labelsOf(core, repo, issue),
    milestone: null,
    draft: pull.draft,
    commits_url: `${api}/pulls/${number}/commits`,
    review_comments_url: `${api}/pulls/${number}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${number}/comments`,
    statuses_url: `${api}/statuses/${pull.headSha}`,
    head: branchSide(core, repo, pull.headRef, pull.headSha),
    base: branchSide(core, repo, pull.baseRef, pull.baseSha),
    _links: links(api, html, number, pull.headSha),
    author_association: authorAssociation(repo, issue.user),
    auto_merge: autoMerge(core, pull),
    active_lock_reason: null,
  };
}

/**
 * The full GitHub pull request (`GET /pulls/{n}` and `pull_request` webhooks). `stats` defaults
 * to the last ones computed for this pull request (see `computePullStats`), or "unknown".
 */
export function serializePullRequest(
  core: SandboxCore,
  repo: Repository,
  pull: PullRequest,
  stats: PullStats = lastPullStats(core.store, pull),
): Record<string, unknown> {
  const reviewComments = [...core.store.reviewComments.values()].filter(
    (comment) => comment.repoId === repo.id && comment.pullNumber === pull.number,
  );
  return {
    ...serializePullRequestSimple(core, repo, pull),
    merged: pull.merged,
    mergeable: stats.mergeable,
    rebaseable: stats.rebaseable,
    mergeable_state: stats.mergeableState,
    merged_by: pull.mergedBy ? serializeUser(core.urls, pull.mergedBy) : null,
    comments: core.store.commentsOn(repo.id, pull.number).length,
    review_comments: reviewComments.length,
    maintainer_can_modify: pull.maintainerCanModify,
    commits: stats.commits,
    additions: stats.additions,
    deletions: stats.deletions,
    changed_files: stats.changedFiles,
  };
}
