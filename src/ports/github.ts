import type { FailureEvidence } from "../qa/evidence.ts";
import type { SafeMarkdown, SafePlainText } from "../render/neutralize-markdown.ts";
import type {
  BranchUpdate,
  CheckRunInput,
  CheckSummary,
  CommentInfo,
  CommitInput,
  CommitTitle,
  Comparison,
  IssueInfo,
  LabelEvent,
  MergeMethod,
  MergeOutcome,
  PullFile,
  MergeRequirements,
  PullRequestInfo,
  Reaction,
  RepoTarget,
  ReviewInput,
} from "./github-types.ts";
import type { Permission } from "./permission.ts";

export type * from "./github-types.ts";
export type { Permission } from "./permission.ts";

/**
 * What Foreman reads of one repository of one installation. Failures throw `GitHubCallError`
 * (src/ports/errors.ts). A read of one thing that is not there (404) or no longer there (410)
 * throws one of kind `not_found` or `gone` (see `nullIfGone`), except where a method says it
 * answers null.
 */
export interface RepoReads {
  permissionOf(login: string): Promise<Permission>;
  repository(): Promise<{ defaultBranch: string; headSha: string; mergeQueue: boolean }>;
  getIssue(number: number): Promise<IssueInfo>;
  /** Open issues (not pull requests) that carry this label. */
  openIssuesWithLabel(label: string): Promise<IssueInfo[]>;
  /** Who last added this label to the issue, and when; null when nobody did. */
  labeledBy(issue: number, label: string): Promise<LabelEvent | null>;
  /** Every comment on an issue or pull request, oldest first. */
  listComments(issue: number): Promise<CommentInfo[]>;
  /**
   * Which of these comments (by node id) were ever edited, from GraphQL's `lastEditedAt`: the REST timestamps have whole
   * seconds, so an edit within the second a comment was written does not show there.
   */
  editedComments(nodeIds: readonly string[]): Promise<Set<string>>;
  getPullRequest(number: number): Promise<PullRequestInfo>;
  listPullFiles(number: number): Promise<PullFile[]>;
  /** GitHub's `mergeable`: null while GitHub is still computing it. */
  pullMergeable(number: number): Promise<boolean | null>;
  /** The reviews the base branch's rules still want on a pull request (one GraphQL query). */
  mergeRequirements(number: number): Promise<MergeRequirements>;
  /** A file at `ref` (a branch, a commit, or `HEAD` for the default branch); null when missing or binary. */
  readFile(ref: string, path: string): Promise<string | null>;
  /**
   * A file on the default branch of a repository the installation can read, this one or another (the
   * organisation's `.github` repository, a file a config's `_extends` names); null when it is missing,
   * not a file, or in a repository the app is not installed on.
   */
  readRepositoryFile(repository: { owner: string; repo: string }, path: string): Promise<string | null>;
  /** Reads many files in one call; missing and binary files map to null. */
  readFiles(ref: string, paths: string[]): Promise<Record<string, string | null>>;
  listFiles(ref: string): Promise<string[]>;
  /** The commit a branch points to; null when there is no such branch. */
  branchHead(branch: string): Promise<string | null>;
  /** `base...head` as GitHub compares them (branches or commits): their merge base, how far apart, what `head` changed. */
  compareCommits(base: string, head: string): Promise<Comparison>;
  /** The login of the account that authored a commit; null when GitHub cannot tell or the commit is gone. */
  commitAuthor(sha: string): Promise<string | null>;
  /** A commit's parents, first parent first; null when the commit is gone. */
  commitParents(sha: string): Promise<string[] | null>;
  /** The first lines of the default branch's newest `limit` commits (at most 100), newest first: one call. */
  recentCommitTitles(limit: number): Promise<CommitTitle[]>;
  checksFor(sha: string): Promise<CheckSummary[]>;
  /**
   * The names of the checks GitHub requires before merging into `branch`: the required status checks
   * of the rulesets that apply to it and of its classic branch protection. Answered from a cache
   * for a few minutes, so a requirement added or removed just now may not be seen yet.
   */
  requiredChecks(branch: string): Promise<string[]>;
  /** The failing checks on `sha` (not Foreman's own) with annotations, and the failing jobs' logs (their ends). */
  failureEvidence(sha: string): Promise<FailureEvidence>;
}

/**
 * What Foreman writes to one repository. Every write is find-or-create or idempotent, so a job
 * that runs again after a lost answer does not write twice.
 */
interface RepoWrites {
  /**
   * One commit with `changes` on the files of `baseSha`, on top of `expectedHead` (never a rewrite:
   * the old head stays in the history, and `baseSha` becomes a second parent when the head lacks
   * it). The branch moves only from `expectedHead`; a branch that moved elsewhere throws
   * `BranchMovedError` (a `GitHubCallError` of kind `conflict`) and keeps what was pushed. A branch
   * already holding this commit (a retry after a lost answer) keeps it.
   */
  commitOnBranch(input: CommitInput): Promise<{ sha: string }>;
  ensurePullRequest(input: { head: string; base: string; title: SafePlainText; body: SafeMarkdown }): Promise<PullRequestInfo>;
  /** Creates or updates the app's own comment carrying the hidden marker for `key`. */
  upsertComment(input: { issue: number; key: string; body: SafeMarkdown; knownId?: number | null }): Promise<{ id: number }>;
  react(commentId: number, content: Reaction): Promise<void>;
  ensureCheckRun(input: CheckRunInput): Promise<{ id: number }>;
  /**
   * Merges the pull request if its head is still `sha`. A refusal (405, 409, 422, 403) is answered
   * with its cause (see `MergeRefusal`), not thrown; a rate limit or a server error throws.
   */
  mergePullRequest(input: { number: number; sha: string; method: MergeMethod }): Promise<MergeOutcome>;
  /**
   * Asks GitHub to merge the base branch into the pull request's branch (`update-branch`), only if
   * the branch's head is still `expectedHead` (a compare-and-swap): a branch that moved throws
   * `BranchMovedError`. A merge, never a rewrite: the old head stays in the history.
   */
  updatePullBranch(input: { number: number; branch: string; expectedHead: string }): Promise<BranchUpdate>;
  enqueuePullRequest(input: { nodeId: string; expectedHeadOid: string }): Promise<void>;
  closeIssue(number: number): Promise<void>;
  closePullRequest(number: number): Promise<void>;
  /** Re-runs the failed jobs of each completed, failed workflow run on `sha`; returns how many runs were re-run. */
  rerunFailedJobs(sha: string): Promise<number>;
  /** Always a review of type COMMENT; with `key`, the app's earlier review carrying that key is returned instead. */
  createReview(input: ReviewInput): Promise<{ id: number }>;
  addLabels(issue: number, labels: string[]): Promise<void>;
  /** A label the issue does not carry counts as removed. */
  removeLabel(issue: number, label: string): Promise<void>;
  replyToReviewComment(pull: number, commentId: number, body: SafeMarkdown): Promise<void>;
}

/** GitHub, in Foreman's words, for one repository of one installation. Only the adapter imports Octokit. */
export interface RepoGitHub extends RepoReads, RepoWrites {}

/** The app's installations and their repositories, and the reads of each: all the reconciler needs. */
export interface GitHubReads {
  /** The installations that are not suspended. */
  installations(): Promise<number[]>;
  repositories(installationId: number): Promise<Array<{ owner: string; repo: string }>>;
  forRepo(target: RepoTarget): Promise<RepoReads>;
}

/** GitHub as the app sees it: built once per process, a client per installation inside. */
export interface GitHubPort extends GitHubReads {
  forRepo(target: RepoTarget): Promise<RepoGitHub>;
}
