import type { Permission } from "../engine/types.ts";

export interface FileChange {
  path: string;
  /** New content, or null to delete the file. */
  content: string | null;
}

export interface PullRequestInfo {
  number: number;
  nodeId: string;
  headRef: string;
  headSha: string;
  baseRef: string;
  state: "open" | "closed";
  merged: boolean;
  body: string;
}

export interface CheckRunInput {
  sha: string;
  name: string;
  externalId: string;
  status: "in_progress" | "completed";
  conclusion?: "success" | "failure" | "neutral" | "cancelled";
  title: string;
  summary: string;
}

export interface CheckSummary {
  name: string;
  appSlug: string;
  status: string;
  conclusion: string | null;
  title: string | null;
  summary: string | null;
}

export interface IssueInfo {
  number: number;
  title: string;
  body: string;
  author: string;
  state: "open" | "closed";
}

export interface CommentInfo {
  id: number;
  author: string;
  authorType: string;
  body: string;
}

/** GitHub, in Foreman's words, for one repository of one installation. Only the adapter imports Octokit. */
export interface RepoGitHub {
  permissionOf(login: string): Promise<Permission>;
  repository(): Promise<{ defaultBranch: string; headSha: string; mergeQueue: boolean }>;
  readFile(ref: string, path: string): Promise<string | null>;
  listFiles(ref: string): Promise<string[]>;
  /** Reads many files in one call; missing and binary files map to null. */
  readFiles(ref: string, paths: string[]): Promise<Record<string, string | null>>;
  getIssue(number: number): Promise<IssueInfo>;
  /** Makes `branch` point to one commit on `baseSha` with these changes; reuses an equal commit. */
  commitFiles(input: { branch: string; baseSha: string; message: string; changes: FileChange[] }): Promise<{ sha: string }>;
  ensurePullRequest(input: { head: string; base: string; title: string; body: string }): Promise<PullRequestInfo>;
  getPullRequest(number: number): Promise<PullRequestInfo>;
  /** Creates or updates the comment carrying the hidden marker for `key`. */
  upsertComment(input: { issue: number; key: string; body: string; knownId?: number | null }): Promise<{ id: number }>;
  react(commentId: number, content: "+1" | "-1" | "eyes" | "rocket" | "confused"): Promise<void>;
  ensureCheckRun(input: CheckRunInput): Promise<{ id: number }>;
  checksFor(sha: string): Promise<CheckSummary[]>;
  mergePullRequest(input: { number: number; sha: string; method: "merge" | "squash" | "rebase" }): Promise<{ merged: boolean; message: string }>;
  enqueuePullRequest(input: { nodeId: string; expectedHeadOid: string }): Promise<void>;
  closeIssue(number: number): Promise<void>;
  closePullRequest(number: number): Promise<void>;
}

export interface GitHubPort {
  forRepo(ref: { installationId: number; owner: string; repo: string }): Promise<RepoGitHub>;
}
