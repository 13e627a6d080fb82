import type { CommitInfo } from "../git/types.ts";
import type { CommitStatus, CommitStatusState, Repository } from "../state/types.ts";
import { serializeCommit, serializeShortBranch, type GitView } from "./git.ts";
import { repositoryFullName, serializeSimpleRepository } from "./repository.ts";
import { repoApi } from "./urls.ts";
import { serializeUser } from "./user.ts";

/** A branch whose history contains a status's commit, as the `status` webhook lists it. */
export interface StatusBranch {
  name: string;
  sha: string;
  protected: boolean;
}

const statusUrl = (view: GitView, repo: Repository, sha: string): string =>
  `${repoApi(view.urls, repositoryFullName(repo))}/statuses/${sha}`;

const avatarOf = (view: GitView, status: CommitStatus): string => String(serializeUser(view.urls, status.creator).avatar_url);

/** Fields every form of a status shares (a status is never updated, so `updated_at` is its creation). */
function statusCore(view: GitView, repo: Repository, status: CommitStatus): Record<string, unknown> {
  return {
    url: statusUrl(view, repo, status.sha),
    avatar_url: avatarOf(view, status),
    id: status.id,
    node_id: status.nodeId,
    state: status.state,
    description: status.description,
    target_url: status.targetUrl,
    context: status.context,
    created_at: status.createdAt,
    updated_at: status.createdAt,
  };
}

/** GitHub's `status`: the answer of `POST /statuses/{sha}` and the items of `GET /commits/{ref}/statuses`. */
export function serializeStatus(view: GitView, repo: Repository, status: CommitStatus): Record<string, unknown> {
  return { ...statusCore(view, repo, status), creator: serializeUser(view.urls, status.creator) };
}

export interface CombinedStatusView {
  sha: string;
  state: CommitStatusState;
  /** The latest status of each context on this page. */
  statuses: readonly CommitStatus[];
  totalCount: number;
}

/** GitHub's `combined-commit-status` (`GET /commits/{ref}/status`). */
export function serializeCombinedStatus(view: GitView, repo: Repository, combined: CombinedStatusView): Record<string, unknown> {
  const api = repoApi(view.urls, repositoryFullName(repo));
  return {
    state: combined.state,
    statuses: combined.statuses.map((status) => statusCore(view, repo, status)),
    sha: combined.sha,
    total_count: combined.totalCount,
    repository: serializeSimpleRepository(view.urls, repo),
    commit_url: `${api}/commits/${combined.sha}`,
    url: `${api}/commits/${combined.sha}/status`,
  };
}

/** The commit of a `status` payload: the REST commit without stats, its verification without `verified_at`. */
function webhookCommit(view: GitView, repo: Repository, info: CommitInfo): Record<string, unknown> {
  const commit = serializeCommit(view, repo, info);
  const detail = commit.commit as Record<string, unknown>;
  const { verified_at: _verifiedAt, ...verification } = detail.verification as Record<string, unknown>;
  return { ...commit, commit: { ...detail, verification } };
}

/** The `status` webhook payload, without the repository, sender and installation the core adds. */
export function statusWebhook(
  view: GitView,
  repo: Repository,
  status: CommitStatus,
  commit: CommitInfo,
  branches: readonly StatusBranch[],
): Record<string, unknown> {
  return {
    id: status.id,
    sha: status.sha,
    name: repositoryFullName(repo),
    avatar_url: avatarOf(view, status),
    target_url: status.targetUrl,
    context: status.context,
    description: status.description,
    state: status.state,
    commit: webhookCommit(view, repo, commit),
    branches: branches.map((branch) => serializeShortBranch(view, repo, branch.name, branch.sha, branch.protected)),
    created_at: status.createdAt,
    updated_at: status.createdAt,
  };
}
