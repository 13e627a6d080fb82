import type { Permission } from "../engine/types.ts";
import type { FailureEvidence } from "../qa/evidence.ts";

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
  /** The failing checks on `sha` (not Foreman's own) with annotations, and the failing jobs' logs (their ends). */
  failureEvidence(sha: string): Promise<FailureEvidence>;
  /** Re-runs the failed jobs of each completed, failed workflow run on `sha`; returns how many runs were re-run. */
  rerunFailedJobs(sha: string): Promise<number>;
  listPullFiles(number: number): Promise<PullFile[]>;
  /** Always a review of type COMMENT; with `key`, an earlier review carrying that key is returned instead. */
  createReview(input: ReviewInput): Promise<{ id: number }>;
  addLabels(issue: number, labels: string[]): Promise<void>;
  /** A label the issue does not carry counts as removed. */
  removeLabel(issue: number, label: string): Promise<void>;
  replyToReviewComment(pull: number, commentId: number, body: string): Promise<void>;
  /** GitHub's `mergeable`: null while GitHub is still computing it. */
  pullMergeable(number: number): Promise<boolean | null>;
  branchHead(branch: string): Promise<string | null>;
  /** The login of the account that authored a commit, when GitHub can tell. */
  commitAuthor(sha: string): Promise<string | null>;
  /**
   * One commit on `parentSha` in three writes. Without `force` a fast-forward from `parentSha`;
   * with `force` the branch moves from `expectedHead` (when given). A branch that moved elsewhere
   * throws `BranchMovedError` (a `GitHubCallError` of kind `conflict`).
   */
  commitOnBranch(input: { branch: string; parentSha: string; message: string; changes: FileChange[]; force: boolean; expectedHead?: string | null }): Promise<{ sha: string }>;
}

export interface GitHubPort {
  forRepo(ref: { installationId: number; owner: string; repo: string }): Promise<RepoGitHub>;
}

export interface PullFile {
  filename: string;
  /** `added`, `modified`, `removed`, `renamed`, … as GitHub reports it. */
  status: string;
  /** The unified diff of the file; null for binary or very large files. */
  patch: string | null;
}

export interface ReviewInput {
  number: number;
  sha: string;
  body: string;
  comments: Array<{ path: string; line: number; body: string }>;
  /** Makes the review find-or-create: a hidden marker with this key is added to its body. */
  key?: string;
}
