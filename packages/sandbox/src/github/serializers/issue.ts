import type { Account, Issue, IssueComment, Label, Reaction, Repository, SandboxApp } from "../state/types.ts";
import { repositoryFullName } from "./repository.ts";
import { repoApi, repoHtml, type Urls } from "./urls.ts";
import { serializeUser } from "./user.ts";

const REACTION_KEYS = ["+1", "-1", "laugh", "confused", "heart", "hooray", "eyes", "rocket"] as const;

export function authorAssociation(repo: Repository, account: Account): string {
  if (account.id === repo.owner.id) return "OWNER";
  const permission = repo.collaborators.get(account.login.toLowerCase());
  if (permission && permission !== "none") return "COLLABORATOR";
  return "NONE";
}

export function serializeReactions(url: string, reactions: Reaction[]): Record<string, unknown> {
  const counts = Object.fromEntries(REACTION_KEYS.map((key) => [key, reactions.filter((reaction) => reaction.content === key).length]));
  return { url: `${url}/reactions`, total_count: reactions.length, ...counts };
}

export function serializeLabel(urls: Urls, repo: Repository, label: Label): Record<string, unknown> {
  return {
    id: label.id,
    node_id: label.nodeId,
    url: `${repoApi(urls, repositoryFullName(repo))}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    color: label.color,
    default: label.default,
    description: label.description,
  };
}

export function serializeApp(urls: Urls, app: SandboxApp): Record<string, unknown> {
  return {
    id: app.id,
    slug: app.slug,
    node_id: app.nodeId,
    owner: serializeUser(urls, app.owner),
    name: app.name,
    description: "",
    external_url: `${urls.html}/apps/${app.slug}`,
    html_url: `${urls.html}/apps/${app.slug}`,
    created_at: app.createdAt,
    updated_at: app.createdAt,
    permissions: app.permissions,
    events: app.events,
  };
}

export function serializeIssue(urls: Urls, repo: Repository, issue: Issue, commentCount: number): Record<string, unknown> {
  const fullName = repositoryFullName(repo);
  const api = `${repoApi(urls, fullName)}/issues/${issue.number}`;
  const labels = issue.labels
    .map((name) => repo.labels.get(name.toLowerCase()))
    .filter((label): label is Label => label !== undefined)
    .map((label) => serializeLabel(urls, repo, label));
  return {
    url: api,
    repository_url: repoApi(urls, fullName),
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    html_url: `${repoHtml(urls, fullName)}/${issue.isPullRequest ? "pull" : "issues"}/${issue.number}`,
    id: issue.id,
    node_id: issue.nodeId,
    number: issue.number,
    title: issue.title,
    user: serializeUser(urls, issue.user),
    labels,
    state: issue.state,
    locked: issue.locked,
    assignee: null,
    assignees: [],
    milestone: null,
    comments: commentCount,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    author_association: authorAssociation(repo, issue.user),
    active_lock_reason: null,
    body: issue.body,
    reactions: serializeReactions(api, issue.reactions),
    timeline_url: `${api}/timeline`,
    performed_via_github_app: null,
    state_reason: issue.stateReason,
    ...(issue.isPullRequest
      ? {
          pull_request: {
            url: `${repoApi(urls, fullName)}/pulls/${issue.number}`,
            html_url: `${repoHtml(urls, fullName)}/pull/${issue.number}`,
            diff_url: `${repoHtml(urls, fullName)}/pull/${issue.number}.diff`,
            patch_url: `${repoHtml(urls, fullName)}/pull/${issue.number}.patch`,
            merged_at: null,
          },
        }
      : {}),
  };
}

/**
 * One issue as GitHub answers it on its own (get, create, update): with `closed_by`, the account
 * that last closed it, which listings and webhook payloads leave out.
 */
export function serializeIssueDetail(urls: Urls, repo: Repository, issue: Issue, commentCount: number): Record<string, unknown> {
  return { ...serializeIssue(urls, repo, issue, commentCount), closed_by: issue.closedBy ? serializeUser(urls, issue.closedBy) : null };
}

export function serializeComment(urls: Urls, repo: Repository, comment: IssueComment, viaApp: SandboxApp | null): Record<string, unknown> {
  const fullName = repositoryFullName(repo);
  const api = `${repoApi(urls, fullName)}/issues/comments/${comment.id}`;
  return {
    url: api,
    html_url: `${repoHtml(urls, fullName)}/issues/${comment.issueNumber}#issuecomment-${comment.id}`,
    issue_url: `${repoApi(urls, fullName)}/issues/${comment.issueNumber}`,
    id: comment.id,
    node_id: comment.nodeId,
    user: serializeUser(urls, comment.user),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: authorAssociation(repo, comment.user),
    body: comment.body,
    reactions: serializeReactions(api, comment.reactions),
    performed_via_github_app: viaApp ? serializeApp(urls, viaApp) : null,
  };
}

export function serializeReaction(urls: Urls, reaction: Reaction): Record<string, unknown> {
  return {
    id: reaction.id,
    node_id: reaction.nodeId,
    user: serializeUser(urls, reaction.user),
    content: reaction.content,
    created_at: reaction.createdAt,
  };
}
