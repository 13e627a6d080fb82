import type { Probot, ProbotOctokit } from "probot";
import { call, GitHubCallError } from "../adapters/github/errors.ts";
import type { CheckSummary } from "../ports/github.ts";
import type { Actor, ReconcileComment, ReconcileGitHub, ReconcileIssue, ReconcilePull, ReconcileRepo, RepoTarget } from "./port.ts";

type Octokit = InstanceType<typeof ProbotOctokit>;

const CONFIG_PATH = ".github/foreman.yml";

/** Runs a read; a 404 or 410 (gone) answers null, anything else is classified and thrown. */
async function orGone<T>(work: () => Promise<T>): Promise<T | null> {
  try {
    return await call(work);
  } catch (error) {
    if (error instanceof GitHubCallError && (error.status === 404 || error.status === 410)) return null;
    throw error;
  }
}

interface IssueData {
  number: number;
  title: string;
  state: string;
  labels: Array<string | { name?: string }>;
  pull_request?: unknown;
}

function toIssue(data: IssueData): ReconcileIssue {
  return {
    number: data.number,
    title: data.title,
    state: data.state === "closed" ? "closed" : "open",
    labels: data.labels.map((label) => (typeof label === "string" ? label : (label.name ?? ""))),
  };
}

class OctokitReconcileRepo implements ReconcileRepo {
  private readonly octokit: Octokit;
  private readonly target: { owner: string; repo: string };
  constructor(octokit: Octokit, owner: string, repo: string) {
    this.octokit = octokit;
    this.target = { owner, repo };
  }

  issue(number: number): Promise<ReconcileIssue | null> {
    return orGone(async () => toIssue((await this.octokit.rest.issues.get({ ...this.target, issue_number: number })).data));
  }

  comments(issue: number): Promise<ReconcileComment[]> {
    return call(async () => {
      const comments = await this.octokit.paginate(this.octokit.rest.issues.listComments, { ...this.target, issue_number: issue, per_page: 100 });
      return comments.map((comment) => ({
        id: comment.id,
        author: comment.user?.login ?? "ghost",
        authorType: comment.user?.type ?? "User",
        body: comment.body ?? "",
        createdAt: Date.parse(comment.created_at),
        updatedAt: Date.parse(comment.updated_at),
      }));
    });
  }

  pullRequest(number: number): Promise<ReconcilePull | null> {
    return orGone(async () => {
      const { data } = await this.octokit.rest.pulls.get({ ...this.target, pull_number: number });
      return {
        number: data.number,
        state: data.state === "closed" ? "closed" : "open",
        merged: data.merged || data.merged_at !== null,
        mergeCommitSha: data.merge_commit_sha,
        headSha: data.head.sha,
        headRef: data.head.ref,
        body: data.body ?? "",
      } satisfies ReconcilePull;
    });
  }

  checks(sha: string): Promise<CheckSummary[]> {
    return call(async () => {
      const runs = await this.octokit.paginate(this.octokit.rest.checks.listForRef, { ...this.target, ref: sha, per_page: 100 });
      return runs.map((run) => ({ name: run.name, appSlug: run.app?.slug ?? "", status: run.status, conclusion: run.conclusion, title: run.output.title, summary: run.output.summary }));
    });
  }

  async commitAuthor(sha: string): Promise<string | null> {
    const commit = await orGone(async () => (await this.octokit.rest.repos.getCommit({ ...this.target, ref: sha })).data);
    return commit?.author && "login" in commit.author ? commit.author.login : null;
  }

  openIssuesWithLabel(label: string): Promise<ReconcileIssue[]> {
    return call(async () => {
      const issues = await this.octokit.paginate(this.octokit.rest.issues.listForRepo, { ...this.target, state: "open", labels: label, per_page: 100 });
      return issues.filter((issue) => issue.pull_request === undefined).map((issue) => toIssue(issue));
    });
  }

  labeledBy(issue: number, label: string): Promise<Actor | null> {
    return call(async () => {
      const events = await this.octokit.paginate(this.octokit.rest.issues.listEvents, { ...this.target, issue_number: issue, per_page: 100 });
      const labeled = events.filter((event) => event.event === "labeled" && "label" in event && event.label.name.toLowerCase() === label.toLowerCase());
      const actor = labeled.at(-1)?.actor;
      return actor ? { login: actor.login, type: actor.type } : null;
    });
  }

  async configText(): Promise<string | null> {
    const data = await orGone(async () => (await this.octokit.rest.repos.getContent({ ...this.target, path: CONFIG_PATH })).data);
    if (!data || Array.isArray(data) || data.type !== "file" || !("content" in data)) return null;
    return Buffer.from(data.content, "base64").toString("utf8");
  }
}

/** The reconciler's reads over Probot's Octokit: the app's own client for installations, installation clients for the rest. */
export class OctokitReconcileGitHub implements ReconcileGitHub {
  private readonly probot: Probot;
  constructor(probot: Probot) {
    this.probot = probot;
  }

  installations(): Promise<number[]> {
    return call(async () => {
      const octokit = await this.probot.auth();
      const installations = await octokit.paginate(octokit.rest.apps.listInstallations, { per_page: 100 });
      return installations.filter((installation) => !installation.suspended_at).map((installation) => installation.id);
    });
  }

  repositories(installationId: number): Promise<Array<{ owner: string; repo: string }>> {
    return call(async () => {
      const octokit = await this.probot.auth(installationId);
      const repositories = await octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation, { per_page: 100 });
      return repositories.map((repository) => ({ owner: repository.owner.login, repo: repository.name }));
    });
  }

  async forRepo(target: RepoTarget): Promise<ReconcileRepo> {
    return new OctokitReconcileRepo(await this.probot.auth(target.installationId), target.owner, target.repo);
  }
}
