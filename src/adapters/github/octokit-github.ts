import type { Probot, ProbotOctokit } from "probot";
import type { Permission } from "../../engine/types.ts";
import type { FailureEvidence } from "../../qa/evidence.ts";
import type {
  CheckRunInput,
  CheckSummary,
  FileChange,
  GitHubPort,
  IssueInfo,
  PullFile,
  PullRequestInfo,
  RepoGitHub,
  ReviewInput,
} from "../../ports/github.ts";
import { commentMarker, hasCommentMarker } from "./comment-marker.ts";
import { branchHead, commitFiles, commitOnBranch, type CommitOnBranchInput } from "./commit-files.ts";
import { call } from "./errors.ts";
import { downloadLogTail, failureEvidence, MAX_LOG_BYTES } from "./failure-evidence.ts";
import { addLabels, removeLabel, rerunFailedJobs } from "./labels-and-reruns.ts";
import { createReview, listPullFiles, pullMergeable, replyToReviewComment } from "./pull-review.ts";
import { roleOf, toPullInfo } from "./mappers.ts";
import { readFiles } from "./read-files.ts";

type Octokit = InstanceType<typeof ProbotOctokit>;

/** The GitHub port over a Probot installation Octokit. */
export class OctokitRepoGitHub implements RepoGitHub {
  private readonly target: { owner: string; repo: string };

  private readonly octokit: Octokit;
  constructor(octokit: Octokit, owner: string, repo: string) {
    this.octokit = octokit;
    this.target = { owner, repo };
  }

  permissionOf(login: string): Promise<Permission> {
    return call(async () => {
      const { data } = await this.octokit.rest.repos.getCollaboratorPermissionLevel({ ...this.target, username: login });
      return roleOf(data);
    });
  }

  repository(): Promise<{ defaultBranch: string; headSha: string; mergeQueue: boolean }> {
    return call(async () => {
      const result = await this.octokit.graphql<{
        repository: { defaultBranchRef: { name: string; target: { oid: string } }; mergeQueue: { id: string } | null };
      }>(
        `query Repository($owner: String!, $name: String!) {
          repository(owner: $owner, name: $name) {
            defaultBranchRef { name target { oid } }
            mergeQueue { id }
          }
        }`,
        { owner: this.target.owner, name: this.target.repo },
      );
      const ref = result.repository.defaultBranchRef;
      return { defaultBranch: ref.name, headSha: ref.target.oid, mergeQueue: result.repository.mergeQueue !== null };
    });
  }

  async readFile(ref: string, path: string): Promise<string | null> {
    const files = await this.readFiles(ref, [path]);
    return files[path] ?? null;
  }

  listFiles(ref: string): Promise<string[]> {
    return call(async () => {
      const { data } = await this.octokit.rest.git.getTree({ ...this.target, tree_sha: ref, recursive: "true" });
      return data.tree.filter((entry) => entry.type === "blob" && entry.path).map((entry) => entry.path ?? "");
    });
  }

  readFiles(ref: string, paths: string[]): Promise<Record<string, string | null>> {
    return call(() => readFiles(this.octokit, this.target, ref, paths));
  }

  getIssue(number: number): Promise<IssueInfo> {
    return call(async () => {
      const { data } = await this.octokit.rest.issues.get({ ...this.target, issue_number: number });
      return {
        number: data.number,
        title: data.title,
        body: data.body ?? "",
        author: data.user?.login ?? "ghost",
        state: data.state === "closed" ? "closed" : "open",
      };
    });
  }

  commitFiles(input: { branch: string; baseSha: string; message: string; changes: FileChange[] }): Promise<{ sha: string }> {
    return call(() => commitFiles(this.octokit, this.target, input));
  }

  ensurePullRequest(input: { head: string; base: string; title: string; body: string }): Promise<PullRequestInfo> {
    return call(async () => {
      const { data: open } = await this.octokit.rest.pulls.list({ ...this.target, head: `${this.target.owner}:${input.head}`, state: "open" });
      const existing = open[0];
      if (existing) return toPullInfo(existing);
      const { data } = await this.octokit.rest.pulls.create({ ...this.target, ...input });
      return toPullInfo(data);
    });
  }

  getPullRequest(number: number): Promise<PullRequestInfo> {
    return call(async () => toPullInfo((await this.octokit.rest.pulls.get({ ...this.target, pull_number: number })).data));
  }

  upsertComment(input: { issue: number; key: string; body: string; knownId?: number | null }): Promise<{ id: number }> {
    const body = `${input.body}\n\n${commentMarker(input.key)}`;
    return call(async () => {
      const id = input.knownId ?? (await this.findComment(input.issue, input.key));
      if (id) {
        await this.octokit.rest.issues.updateComment({ ...this.target, comment_id: id, body });
        return { id };
      }
      const { data } = await this.octokit.rest.issues.createComment({ ...this.target, issue_number: input.issue, body });
      return { id: data.id };
    });
  }

  private async findComment(issue: number, key: string): Promise<number | null> {
    const comments = await this.octokit.paginate(this.octokit.rest.issues.listComments, { ...this.target, issue_number: issue, per_page: 100 });
    const mine = comments.find((comment) => comment.user?.type === "Bot" && hasCommentMarker(comment.body, key));
    return mine?.id ?? null;
  }

  react(commentId: number, content: "+1" | "-1" | "eyes" | "rocket" | "confused"): Promise<void> {
    return call(async () => {
      await this.octokit.rest.reactions.createForIssueComment({ ...this.target, comment_id: commentId, content });
    });
  }

  ensureCheckRun(input: CheckRunInput): Promise<{ id: number }> {
    return call(async () => {
      const { data } = await this.octokit.rest.checks.listForRef({ ...this.target, ref: input.sha, check_name: input.name, filter: "all" });
      const existing = data.check_runs.find((run) => run.external_id === input.externalId);
      const fields = {
        status: input.status,
        ...(input.conclusion ? { conclusion: input.conclusion } : {}),
        output: { title: input.title, summary: input.summary },
      };
      if (existing) {
        await this.octokit.rest.checks.update({ ...this.target, check_run_id: existing.id, ...fields });
        return { id: existing.id };
      }
      const { data: created } = await this.octokit.rest.checks.create({
        ...this.target,
        name: input.name,
        head_sha: input.sha,
        external_id: input.externalId,
        ...fields,
      });
      return { id: created.id };
    });
  }

  checksFor(sha: string): Promise<CheckSummary[]> {
    return call(async () => {
      const runs = await this.octokit.paginate(this.octokit.rest.checks.listForRef, { ...this.target, ref: sha, per_page: 100 });
      return runs.map((run) => ({
        name: run.name,
        appSlug: run.app?.slug ?? "",
        status: run.status,
        conclusion: run.conclusion,
        title: run.output.title,
        summary: run.output.summary,
      }));
    });
  }

  mergePullRequest(input: { number: number; sha: string; method: "merge" | "squash" | "rebase" }): Promise<{ merged: boolean; message: string }> {
    return call(async () => {
      const { data } = await this.octokit.rest.pulls.merge({ ...this.target, pull_number: input.number, sha: input.sha, merge_method: input.method });
      return { merged: data.merged, message: data.message };
    });
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

  failureEvidence(sha: string): Promise<FailureEvidence> {
    return call(() => failureEvidence(this.octokit, this.target, sha, { maxLogBytes: MAX_LOG_BYTES, download: downloadLogTail }));
  }

  rerunFailedJobs(sha: string): Promise<number> {
    return call(() => rerunFailedJobs(this.octokit, this.target, sha));
  }

  listPullFiles(number: number): Promise<PullFile[]> {
    return call(() => listPullFiles(this.octokit, this.target, number));
  }

  createReview(input: ReviewInput): Promise<{ id: number }> {
    return call(() => createReview(this.octokit, this.target, input));
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

  pullMergeable(number: number): Promise<boolean | null> {
    return call(() => pullMergeable(this.octokit, this.target, number));
  }

  branchHead(branch: string): Promise<string | null> {
    return call(() => branchHead(this.octokit, this.target, branch));
  }

  commitAuthor(sha: string): Promise<string | null> {
    return call(async () => (await this.octokit.rest.repos.getCommit({ ...this.target, ref: sha })).data.author?.login ?? null);
  }

  commitOnBranch(input: CommitOnBranchInput): Promise<{ sha: string }> {
    return call(() => commitOnBranch(this.octokit, this.target, input));
  }
}

export class ProbotGitHub implements GitHubPort {
  private readonly probot: Probot;
  constructor(probot: Probot) {
    this.probot = probot;
  }

  async forRepo(ref: { installationId: number; owner: string; repo: string }): Promise<RepoGitHub> {
    const octokit = await this.probot.auth(ref.installationId);
    return new OctokitRepoGitHub(octokit, ref.owner, ref.repo);
  }
}
