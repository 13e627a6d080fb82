import type { GitRepository } from "../git/git-repository.ts";

/** Permission levels GitHub reports for a collaborator, strongest last. */
export type Permission = "none" | "read" | "triage" | "write" | "maintain" | "admin";

export type AccountType = "User" | "Bot" | "Organization";

export interface Account {
  id: number;
  nodeId: string;
  login: string;
  type: AccountType;
}

export interface SandboxApp {
  id: number;
  nodeId: string;
  slug: string;
  name: string;
  owner: Account;
  /** The app's own bot account, `<slug>[bot]`. */
  bot: Account;
  publicKeyPem: string;
  webhookUrl: string | null;
  webhookSecret: string;
  permissions: Record<string, "read" | "write">;
  events: string[];
  createdAt: string;
}

export interface Installation {
  id: number;
  nodeId: string;
  appId: number;
  account: Account;
  createdAt: string;
  suspended: boolean;
}

export interface CiCommand {
  name: string;
  run: string;
  timeoutSeconds: number;
}

export interface Label {
  id: number;
  nodeId: string;
  name: string;
  color: string;
  description: string | null;
  default: boolean;
}

/** Where GitHub reports a branch's rules: classic branch protection, or a repository ruleset. */
export type ProtectionSource = "branchProtection" | "ruleset";

/**
 * What the default branch requires before a pull request merges, besides its required checks
 * (`Repository.requiredChecks`), as classic branch protection or a ruleset reports it.
 */
export interface ProtectionRules {
  /** The ruleset's id for a ruleset; a stable id of the protection otherwise. */
  id: number;
  via: ProtectionSource;
  /** Approving reviews needed from users with write access (0: none). */
  requiredReviews: number;
  /** A push to the pull request dismisses its approving reviews. */
  dismissStaleReviews: boolean;
  /** Files with code owners (`CODEOWNERS` on the base branch) need an approval from one of their owners. */
  codeOwnerReviews: boolean;
  /** "Require branches to be up to date": the head must contain the base branch's tip (strict checks). */
  upToDate: boolean;
  /** No merge commits: the merge method `merge` is refused. */
  linearHistory: boolean;
  /** Reported by classic branch protection only; admins get no bypass either way. */
  enforceAdmins: boolean;
}

export interface Repository {
  id: number;
  nodeId: string;
  owner: Account;
  name: string;
  defaultBranch: string;
  private: boolean;
  git: GitRepository;
  collaborators: Map<string, Permission>;
  labels: Map<string, Label>;
  mergeQueue: boolean;
  ci: CiCommand[];
  /** Check names (check runs and commit status contexts) that must succeed on the default branch. */
  requiredChecks: string[];
  /**
   * The default branch's protection. `null` keeps the sandbox's first model: the required checks
   * gate only the merge queue and auto-merge, and a merge through the REST API is not checked.
   */
  protection: ProtectionRules | null;
  createdAt: string;
  pushedAt: string;
  updatedAt: string;
  nextNumber: number;
  deleted: boolean;
}

export interface Reaction {
  id: number;
  nodeId: string;
  content: string;
  user: Account;
  createdAt: string;
}

export interface Issue {
  repoId: number;
  number: number;
  id: number;
  nodeId: string;
  title: string;
  body: string | null;
  user: Account;
  state: "open" | "closed";
  stateReason: "completed" | "not_planned" | "reopened" | null;
  labels: string[];
  locked: boolean;
  isPullRequest: boolean;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  closedBy: Account | null;
  reactions: Reaction[];
}

export interface IssueComment {
  repoId: number;
  issueNumber: number;
  id: number;
  nodeId: string;
  body: string;
  user: Account;
  viaAppId: number | null;
  createdAt: string;
  updatedAt: string;
  /** When its body was last edited (GraphQL's `lastEditedAt`); null for a comment never edited. */
  lastEditedAt: string | null;
  reactions: Reaction[];
}

export interface PullRequest {
  repoId: number;
  number: number;
  id: number;
  nodeId: string;
  headRef: string;
  headSha: string;
  baseRef: string;
  /** The base branch's sha when the PR was last computed against it. */
  baseSha: string;
  draft: boolean;
  merged: boolean;
  mergedAt: string | null;
  mergedBy: Account | null;
  mergeCommitSha: string | null;
  maintainerCanModify: boolean;
  autoMerge: { enabledBy: Account; mergeMethod: "merge" | "squash" | "rebase" } | null;
}

export interface Review {
  repoId: number;
  pullNumber: number;
  id: number;
  nodeId: string;
  user: Account;
  body: string;
  state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | "DISMISSED" | "PENDING";
  commitId: string;
  submittedAt: string;
}

/** A review requested from a user on a pull request; it goes away when they submit a review. */
export interface ReviewRequest {
  repoId: number;
  pullNumber: number;
  id: number;
  nodeId: string;
  reviewer: Account;
  /** Requested because the user owns changed files (`CODEOWNERS`). */
  asCodeOwner: boolean;
}

export interface ReviewComment {
  repoId: number;
  pullNumber: number;
  id: number;
  nodeId: string;
  reviewId: number | null;
  user: Account;
  body: string;
  path: string;
  line: number | null;
  side: "LEFT" | "RIGHT";
  commitId: string;
  inReplyToId: number | null;
  diffHunk: string;
  createdAt: string;
  updatedAt: string;
  reactions: Reaction[];
}

export type CheckStatus = "queued" | "in_progress" | "completed" | "waiting" | "requested" | "pending";
export type CheckConclusion = "success" | "failure" | "neutral" | "cancelled" | "skipped" | "timed_out" | "action_required" | "stale";

export interface Annotation {
  path: string;
  startLine: number;
  endLine: number;
  level: "notice" | "warning" | "failure";
  message: string;
  title: string | null;
}

export interface CheckSuite {
  repoId: number;
  id: number;
  nodeId: string;
  appId: number;
  headSha: string;
  headBranch: string | null;
  status: CheckStatus;
  conclusion: CheckConclusion | null;
  createdAt: string;
  updatedAt: string;
}

export interface CheckRun {
  repoId: number;
  id: number;
  nodeId: string;
  suiteId: number;
  appId: number;
  name: string;
  headSha: string;
  externalId: string | null;
  detailsUrl: string | null;
  status: CheckStatus;
  conclusion: CheckConclusion | null;
  startedAt: string;
  completedAt: string | null;
  output: { title: string | null; summary: string | null; text: string | null; annotations: Annotation[] };
}

export interface WorkflowJob {
  id: number;
  nodeId: string;
  runId: number;
  runAttempt: number;
  name: string;
  checkRunId: number;
  status: "queued" | "in_progress" | "completed";
  conclusion: CheckConclusion | null;
  startedAt: string;
  completedAt: string | null;
  log: string;
}

export interface WorkflowRun {
  repoId: number;
  id: number;
  nodeId: string;
  name: string;
  path: string;
  headSha: string;
  headBranch: string | null;
  event: "pull_request" | "merge_group" | "push";
  status: "queued" | "in_progress" | "completed";
  conclusion: CheckConclusion | null;
  runAttempt: number;
  runNumber: number;
  checkSuiteId: number;
  pullNumbers: number[];
  jobs: WorkflowJob[];
  createdAt: string;
  updatedAt: string;
}

export type CommitStatusState = "error" | "failure" | "pending" | "success";

/** One commit status (`POST /statuses/{sha}`): statuses are never changed, a new one supersedes. */
export interface CommitStatus {
  repoId: number;
  id: number;
  nodeId: string;
  sha: string;
  state: CommitStatusState;
  targetUrl: string | null;
  description: string | null;
  context: string;
  creator: Account;
  createdAt: string;
}

type MergeQueueEntryState = "QUEUED" | "AWAITING_CHECKS" | "MERGEABLE" | "UNMERGEABLE" | "LOCKED";

export interface MergeQueueEntry {
  repoId: number;
  id: number;
  nodeId: string;
  pullNumber: number;
  baseRef: string;
  headSha: string;
  enqueuedAt: string;
  enqueuer: Account;
  state: MergeQueueEntryState;
  /** The `gh-readonly-queue/...` group commit being tested, once built. */
  groupSha: string | null;
  groupRef: string | null;
}
