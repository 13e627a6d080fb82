import { nullIfGone } from "../../ports/errors.ts";
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
  MergeRequirements,
  PullFile,
  PullRequestInfo,
  Reaction,
  RepoGitHub,
  ReviewInput,
} from "../../ports/github.ts";
import type { Permission } from "../../ports/permission.ts";
import type { FailureEvidence } from "../../qa/evidence.ts";
import { ensureCheckRun, listChecks } from "./checks.ts";
import { call } from "./classify-error.ts";
import { branchHead, commitOnBranch } from "./commit-files.ts";
import { downloadLogTail, failureEvidence, MAX_LOG_BYTES } from "./failure-evidence.ts";
import {
  editedComments,
  getIssue,
  labeledBy,
  listComments,
  openIssuesWithLabel,
  upsertComment,
  type UpsertCommentInput,
} from "./issues.ts";
import { addLabels, removeLabel, rerunFailedJobs } from "./labels-and-reruns.ts";
import { roleOf, toPullInfo } from "./mappers.ts";
import { mergePullRequest } from "./merge-pull.ts";
import { mergeRequirements } from "./merge-requirements.ts";
import type { Octokit, Target } from "./octokit.ts";
import { createReview, listPullFiles, pullMergeable, replyToReviewComment } from "./pull-review.ts";
import { readDefaultBranchFile, readFiles } from "./read-files.ts";
import { recentCommitTitles } from "./recent-commits.ts";
import { repository, type RepositoryInfo } from "./repository.ts";
import { readRequiredChecks } from "./required-checks.ts";
import { compareCommits, updatePullBranch } from "./update-branch.ts";
import type { ExpiringCache } from "./expiring-cache.ts";

/**
 * The GitHub port for one repository over a Probot installation Octokit. `appLogin` is the app's
 * own account (`<slug>[bot]`): the comments and reviews it finds again are only its own.
 * `requiredChecksCache`, shared by the process, keeps each branch's required checks for a while.
 */
export class OctokitRepoGitHub implements RepoGitHub {
  private readonly octokit: Octokit;
  private readonly target: Target;
  private readonly appLogin: string;
  private readonly requiredChecksCache: ExpiringCache<string[]> | null;
  constructor(octokit: Octokit, repo: Target & { appLogin: string; requiredChecksCache?: ExpiringCache<string[]> }) {
    this.octokit = octokit;
    this.target = { owner: repo.owner, repo: repo.repo };
    this.appLogin = repo.appLogin;
    this.requiredChecksCache = repo.requiredChecksCache ?? null;
  }

  permissionOf(login: string): Promise<Permission> {
    return call(async () =>
      roleOf((await this.octokit.rest.repos.getCollaboratorPermissionLevel({ ...this.target, username: login })).data),
    );
  }

  repository(): Promise<RepositoryInfo> {
    return call(() => repository(this.octokit, this.target));
  }

  getIssue(number: number): Promise<IssueInfo> {
    return call(() => getIssue(this.octokit, this.target, number));
  }

  openIssuesWithLabel(label: string): Promise<IssueInfo[]> {
    return call(() => openIssuesWithLabel(this.octokit, this.target, label));
  }

  labeledBy(issue: number, label: string): Promise<LabelEvent | null> {
    return call(() => labeledBy(this.octokit, this.target, issue, label));
  }

  listComments(issue: number): Promise<CommentInfo[]> {
    return call(() => listComments(this.octokit, this.target, issue));
  }

  editedComments(nodeIds: readonly string[]): Promise<Set<string>> {
    return nodeIds.length === 0 ? Promise.resolve(new Set()) : call(() => editedComments(this.octokit, nodeIds));
  }

  getPullRequest(number: number): Promise<PullRequestInfo> {
    return call(async () => toPullInfo((await this.octokit.rest.pulls.get({ ...this.target, pull_number: number })).data));
  }

  listPullFiles(number: number): Promise<PullFile[]> {
    return call(() => listPullFiles(this.octokit, this.target, number));
  }

  pullMergeable(number: number): Promise<boolean | null> {
    return call(() => pullMergeable(this.octokit, this.target, number));
  }

  mergeRequirements(number: number): Promise<MergeRequirements> {
    return call(() => mergeRequirements(this.octokit, this.target, number));
  }

  async readFile(ref: string, path: string): Promise<string | null> {
    const files = await this.readFiles(ref, [path]);
    return files[path] ?? null;
  }

  readRepositoryFile(repository: Target, path: string): Promise<string | null> {
    return nullIfGone(call(() => readDefaultBranchFile(this.octokit, repository, path)));
  }

  readFiles(ref: string, paths: string[]): Promise<Record<string, string | null>> {
    return call(() => readFiles(this.octokit, this.target, ref, paths));
  }

  listFiles(ref: string): Promise<string[]> {
    return call(async () => {
      const { data } = await this.octokit.rest.git.getTree({ ...this.target, tree_sha: ref, recursive: "true" });
      return data.tree.filter((entry) => entry.type === "blob" && entry.path).map((entry) => entry.path ?? "");
    });
  }

  branchHead(branch: string): Promise<string | null> {
    return call(() => branchHead(this.octokit, this.target, branch));
  }

  compareCommits(base: string, head: string): Promise<Comparison> {
    return call(() => compareCommits(this.octokit, this.target, base, head));
  }

  async commitAuthor(sha: string): Promise<string | null> {
    const commit = await nullIfGone(call(async () => (await this.octokit.rest.repos.getCommit({ ...this.target, ref: sha })).data));
    return commit?.author && "login" in commit.author ? commit.author.login : null;
  }

  async commitParents(sha: string): Promise<string[] | null> {
    const commit = await nullIfGone(call(async () => (await this.octokit.rest.git.getCommit({ ...this.target, commit_sha: sha })).data));
    return commit ? commit.parents.map((parent) => parent.sha) : null;
  }

  recentCommitTitles(limit: number): Promise<CommitTitle[]> {
    return call(() => recentCommitTitles(this.octokit, this.target, limit));
  }

  checksFor(sha: string): Promise<CheckSummary[]> {
    return call(() => listChecks(this.octokit, this.target, sha));
  }

  requiredChecks(branch: string): Promise<string[]> {
    const read = (): Promise<string[]> => readRequiredChecks(this.octokit, this.target, branch);
    // Owner and repository names never hold `:`, and GitHub does not tell them apart by case.
    const key = `${this.target.owner}/${this.target.repo}`.toLowerCase() + `:${branch}`;
    return this.requiredChecksCache ? this.requiredChecksCache.get(key, read) : read();
  }

  failureEvidence(sha: string): Promise<FailureEvidence> {
    return call(() => failureEvidence(this.octokit, this.target, sha, { maxLogBytes: MAX_LOG_BYTES, download: downloadLogTail }));
  }

  commitOnBranch(input: CommitInput): Promise<{ sha: string }> {
    return call(() => commitOnBranch(this.octokit, this.target, input));
  }

  ensurePullRequest(input: { head: string; base: string; title: string; body: string }): Promise<PullRequestInfo> {
    return call(async () => {
      const { data: open } = await this.octokit.rest.pulls.list({
        ...this.target,
        head: `${this.target.owner}:${input.head}`,
        state: "open",
      });
      const existing = open[0];
      if (existing) return toPullInfo(existing);
      return toPullInfo((await this.octokit.rest.pulls.create({ ...this.target, ...input })).data);
    });
  }

  upsertComment(input: UpsertCommentInput): Promise<{ id: number }> {
    return call(() => upsertComment(this.octokit, this.target, input, this.appLogin));
  }

  react(commentId: number, content: Reaction): Promise<void> {
    return call(async () => {
      await this.octokit.rest.reactions.createForIssueComment({ ...this.target, comment_id: commentId, content });
    });
  }

  ensureCheckRun(input: CheckRunInput): Promise<{ id: number }> {
    return call(() => ensureCheckRun(this.octokit, this.target, input));
  }

  mergePullRequest(input: { number: number; sha: string; method: MergeMethod }): Promise<MergeOutcome> {
    return call(() => mergePullRequest(this.octokit, this.target, input));
  }

  updatePullBranch(input: { number: number; branch: string; expectedHead: string }): Promise<BranchUpdate> {
    return call(() => updatePullBranch(this.octokit, this.target, input));
  }

  enqueuePullRequest(input: { nodeId: string; expectedHeadOid: string }): Promise<void> {
    return call(async () => {
      await this.octokit.graphql(
        `mutation Enqueue($pullRequestId: ID!, $expectedHeadOid: GitObjectID!) {
          enqueuePullRequest(input: { pullRequestId: $pullRequestId, expectedHeadOid: $expectedHeadOid }) {
            mergeQueueEntry { id state }
          }
        }`,
        { pullRequestId: input.nodeId, expectedHeadOid: input.expectedHeadOid },
      );
    });
  }

  closeIssue(number: number): Promise<void> {
    return call(async () => {
      await this.octokit.rest.issues.update({ ...this.target, issue_number: number, state: "closed", state_reason: "completed" });
    });
  }

  closePullRequest(number: number): Promise<void> {
    return call(async () => {
      await this.octokit.rest.pulls.update({ ...this.target, pull_number: number, state: "closed" });
    });
  }

  rerunFailedJobs(sha: string): Promise<number> {
    return call(() => rerunFailedJobs(this.octokit, this.target, sha));
  }

  createReview(input: ReviewInput): Promise<{ id: number }> {
    return call(() => createReview(this.octokit, this.target, input, this.appLogin));
  }

  addLabels(issue: number, labels: string[]): Promise<void> {
    return call(() => addLabels(this.octokit, this.target, issue, labels));
  }

  removeLabel(issue: number, label: string): Promise<void> {
    return call(() => removeLabel(this.octokit, this.target, issue, label));
  }

  replyToReviewComment(pull: number, commentId: number, body: string): Promise<void> {
    return call(() => replyToReviewComment(this.octokit, this.target, pull, commentId, body));
  }
}
