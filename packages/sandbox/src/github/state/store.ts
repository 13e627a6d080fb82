import type {
  Account,
  AccountType,
  CheckRun,
  CheckSuite,
  CommitStatus,
  Installation,
  Issue,
  IssueComment,
  MergeQueueEntry,
  PullRequest,
  Repository,
  Review,
  ReviewComment,
  ReviewRequest,
  SandboxApp,
  WorkflowRun,
} from "./types.ts";
import { History } from "./history.ts";

export interface TokenGrant {
  kind: "installation" | "user";
  installationId: number | null;
  login: string | null;
  expiresAt: number;
}

/** Encodes a node id GitHub-style: a type prefix and an opaque base64 body. */
export function encodeNodeId(type: string, id: number): string {
  return `${type}_${Buffer.from(`${type}:${id}`).toString("base64url")}`;
}

export function decodeNodeId(nodeId: string): { type: string; id: number } | null {
  const separator = nodeId.indexOf("_");
  if (separator < 1) return null;
  const decoded = Buffer.from(nodeId.slice(separator + 1), "base64url").toString("utf8");
  const match = /^([A-Za-z]+):(\d+)$/.exec(decoded);
  if (!match?.[1] || !match[2]) return null;
  return { type: match[1], id: Number(match[2]) };
}

const pullKey = (repoId: number, number: number): string => `${repoId}#${number}`;

/**
 * All state of one sandbox GitHub. Plain maps, owned by one server instance;
 * routes read and change it, and the server turns changes into webhooks.
 */
export class SandboxStore {
  readonly accounts = new Map<string, Account>();
  readonly apps = new Map<number, SandboxApp>();
  readonly installations = new Map<number, Installation>();
  readonly repositories = new Map<number, Repository>();
  readonly issues = new Map<string, Issue>();
  readonly comments = new Map<number, IssueComment>();
  readonly pulls = new Map<string, PullRequest>();
  readonly reviews = new Map<number, Review>();
  readonly reviewComments = new Map<number, ReviewComment>();
  readonly reviewRequests = new Map<number, ReviewRequest>();
  readonly checkSuites = new Map<number, CheckSuite>();
  readonly checkRuns = new Map<number, CheckRun>();
  readonly workflowRuns = new Map<number, WorkflowRun>();
  readonly commitStatuses = new Map<number, CommitStatus>();
  readonly queueEntries = new Map<number, MergeQueueEntry>();
  readonly tokens = new Map<string, TokenGrant>();
  /** Every branch move and emitted event, in order, for checks of a whole run. */
  readonly history = new History();
  private nextIdValue = 1000;

  readonly now: () => Date = () => new Date();
  constructor(now: () => Date = () => new Date()) {
    this.now = now;
  }

  nextId(): number {
    this.nextIdValue += 1;
    return this.nextIdValue;
  }

  timestamp(): string {
    return this.now()
      .toISOString()
      .replace(/\.\d{3}Z$/, "Z");
  }

  ensureAccount(login: string, type: AccountType = "User"): Account {
    const existing = this.accounts.get(login.toLowerCase());
    if (existing) return existing;
    const id = this.nextId();
    const account: Account = { id, nodeId: encodeNodeId(type === "Bot" ? "BOT" : type === "Organization" ? "O" : "U", id), login, type };
    this.accounts.set(login.toLowerCase(), account);
    return account;
  }

  findAccount(login: string): Account | undefined {
    return this.accounts.get(login.toLowerCase());
  }

  findRepository(owner: string, name: string): Repository | undefined {
    const wanted = `${owner}/${name}`.toLowerCase();
    for (const repo of this.repositories.values()) {
      if (!repo.deleted && `${repo.owner.login}/${repo.name}`.toLowerCase() === wanted) return repo;
    }
    return undefined;
  }

  installationFor(repo: Repository): Installation | undefined {
    for (const installation of this.installations.values()) {
      if (installation.account.id === repo.owner.id) return installation;
    }
    return undefined;
  }

  appFor(installation: Installation): SandboxApp | undefined {
    return this.apps.get(installation.appId);
  }

  issue(repoId: number, number: number): Issue | undefined {
    return this.issues.get(pullKey(repoId, number));
  }

  saveIssue(issue: Issue): void {
    this.issues.set(pullKey(issue.repoId, issue.number), issue);
  }

  issuesOf(repoId: number): Issue[] {
    return [...this.issues.values()].filter((issue) => issue.repoId === repoId);
  }

  pull(repoId: number, number: number): PullRequest | undefined {
    return this.pulls.get(pullKey(repoId, number));
  }

  savePull(pull: PullRequest): void {
    this.pulls.set(pullKey(pull.repoId, pull.number), pull);
  }

  pullsOf(repoId: number): PullRequest[] {
    return [...this.pulls.values()].filter((pull) => pull.repoId === repoId);
  }

  commentsOn(repoId: number, issueNumber: number): IssueComment[] {
    return [...this.comments.values()]
      .filter((comment) => comment.repoId === repoId && comment.issueNumber === issueNumber)
      .sort((a, b) => a.id - b.id);
  }

  /** The reviews of a pull request, oldest first. */
  reviewsOf(repoId: number, pullNumber: number): Review[] {
    return [...this.reviews.values()]
      .filter((review) => review.repoId === repoId && review.pullNumber === pullNumber)
      .sort((a, b) => a.id - b.id);
  }

  /** The open review requests of a pull request, oldest first. */
  reviewRequestsOf(repoId: number, pullNumber: number): ReviewRequest[] {
    return [...this.reviewRequests.values()]
      .filter((request) => request.repoId === repoId && request.pullNumber === pullNumber)
      .sort((a, b) => a.id - b.id);
  }

  checkRunsFor(repoId: number, sha: string): CheckRun[] {
    return [...this.checkRuns.values()].filter((run) => run.repoId === repoId && run.headSha === sha);
  }

  checkSuitesFor(repoId: number, sha: string): CheckSuite[] {
    return [...this.checkSuites.values()].filter((suite) => suite.repoId === repoId && suite.headSha === sha);
  }

  /** The commit's statuses, oldest first. */
  statusesFor(repoId: number, sha: string): CommitStatus[] {
    return [...this.commitStatuses.values()].filter((status) => status.repoId === repoId && status.sha === sha).sort((a, b) => a.id - b.id);
  }

  queueOf(repoId: number, baseRef: string): MergeQueueEntry[] {
    return [...this.queueEntries.values()]
      .filter((entry) => entry.repoId === repoId && entry.baseRef === baseRef)
      .sort((a, b) => a.id - b.id);
  }
}
