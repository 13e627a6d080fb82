import type { CommentInfo, IssueInfo, PullRequestInfo } from "../../ports/github-types.ts";
import type { Permission } from "../../ports/permission.ts";

const ROLES: ReadonlySet<string> = new Set<Permission>(["none", "read", "triage", "write", "maintain", "admin"]);

/**
 * The collaborator's role. `permission` is the legacy level (triage reads as `read`, maintain as
 * `write`); `role_name` is the real role, unless it is a custom role, which falls back to the level.
 */
export function roleOf(data: { permission: string; role_name?: string }): Permission {
  const role = data.role_name ?? "";
  return (ROLES.has(role) ? role : data.permission) as Permission;
}

interface PullData {
  number: number;
  node_id: string;
  head: { ref: string; sha: string };
  base: { ref: string };
  state: string;
  merged_at: string | null;
  merge_commit_sha: string | null;
  body: string | null;
}

export function toPullInfo(data: PullData): PullRequestInfo {
  const merged = data.merged_at !== null;
  return {
    number: data.number,
    nodeId: data.node_id,
    headRef: data.head.ref,
    headSha: data.head.sha,
    baseRef: data.base.ref,
    state: data.state === "closed" ? "closed" : "open",
    merged,
    // On an open pull request GitHub's merge_commit_sha is a test merge, not a commit on the base.
    mergeCommitSha: merged ? data.merge_commit_sha : null,
    body: data.body ?? "",
  };
}

interface IssueData {
  number: number;
  title: string;
  body?: string | null;
  user: { login: string } | null;
  state: string;
  labels: Array<string | { name?: string }>;
}

export function toIssueInfo(data: IssueData): IssueInfo {
  return {
    number: data.number,
    title: data.title,
    body: data.body ?? "",
    author: data.user?.login ?? "ghost",
    state: data.state === "closed" ? "closed" : "open",
    labels: data.labels.map((label) => (typeof label === "string" ? label : (label.name ?? ""))),
  };
}

interface CommentData {
  id: number;
  node_id: string;
  user: { login: string; type: string } | null;
  body?: string;
  created_at: string;
  updated_at: string;
}

export function toCommentInfo(data: CommentData): CommentInfo {
  return {
    id: data.id,
    nodeId: data.node_id,
    author: data.user?.login ?? "ghost",
    authorType: data.user?.type ?? "User",
    body: data.body ?? "",
    createdAt: Date.parse(data.created_at),
    updatedAt: Date.parse(data.updated_at),
  };
}
