import type { CheckSummary } from "../ports/github.ts";

/** One repository of one installation. */
export interface RepoTarget {
  installationId: number;
  owner: string;
  repo: string;
}

export interface ReconcileIssue {
  number: number;
  title: string;
  state: "open" | "closed";
  labels: string[];
}

export interface ReconcileComment {
  id: number;
  author: string;
  authorType: string;
  body: string;
  /** Epoch milliseconds. */
  createdAt: number;
  updatedAt: number;
}

export interface ReconcilePull {
  number: number;
  state: "open" | "closed";
  merged: boolean;
  mergeCommitSha: string | null;
  headSha: string;
  headRef: string;
  body: string;
}

export interface Actor {
  login: string;
  type: string;
}

/**
 * The GitHub reads the reconciler needs for one repository. A read of something that is gone
 * (404 or 410: a deleted issue, a deleted repository, a removed installation) answers null; any
 * other failure throws.
 */
export interface ReconcileRepo {
  issue(number: number): Promise<ReconcileIssue | null>;
  comments(issue: number): Promise<ReconcileComment[]>;
  pullRequest(number: number): Promise<ReconcilePull | null>;
  checks(sha: string): Promise<CheckSummary[]>;
  /** The login of a commit's author, when GitHub knows the account. */
  commitAuthor(sha: string): Promise<string | null>;
  /** Open issues (not pull requests) that carry this label. */
  openIssuesWithLabel(label: string): Promise<ReconcileIssue[]>;
  /** Who last added this label to the issue. */
  labeledBy(issue: number, label: string): Promise<Actor | null>;
  /** `.github/foreman.yml` on the default branch, or null when there is none. */
  configText(): Promise<string | null>;
}

/** GitHub, as the reconciler reads it: the app's installations, their repositories, and reads per repository. */
export interface ReconcileGitHub {
  installations(): Promise<number[]>;
  repositories(installationId: number): Promise<Array<{ owner: string; repo: string }>>;
  forRepo(target: RepoTarget): Promise<ReconcileRepo>;
}
