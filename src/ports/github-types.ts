/** The values the GitHub port takes and answers, in Foreman's words. */

import type { MergeRefusal } from "../domain/merge-refusal.ts";
import type { SafeMarkdown, SafePlainText } from "../render/neutralize-markdown.ts";

/** One repository of one installation. */
export interface RepoTarget {
  installationId: number;
  owner: string;
  repo: string;
}

export interface FileChange {
  path: string;
  /** New content, or null to delete the file. */
  content: string | null;
}

export interface IssueInfo {
  number: number;
  title: string;
  body: string;
  author: string;
  state: "open" | "closed";
  labels: string[];
}

export interface CommentInfo {
  id: number;
  /** GitHub's global id, by which GraphQL finds it. */
  nodeId: string;
  author: string;
  authorType: string;
  body: string;
  /** Epoch milliseconds. */
  createdAt: number;
  updatedAt: number;
}

export interface PullRequestInfo {
  number: number;
  nodeId: string;
  headRef: string;
  headSha: string;
  baseRef: string;
  state: "open" | "closed";
  merged: boolean;
  /** The commit the merge made on the base; null until merged. */
  mergeCommitSha: string | null;
  body: string;
}

export interface PullFile {
  filename: string;
  /** `added`, `modified`, `removed`, `renamed`, … as GitHub reports it. */
  status: string;
  /** The unified diff of the file; null for binary or very large files. */
  patch: string | null;
}

/** A failure annotation on one line of a file of the check run's commit. */
export interface CheckAnnotation {
  path: string;
  line: number;
  /** Plain text, as GitHub shows annotations. */
  message: SafePlainText;
}

export interface CheckRunInput {
  sha: string;
  name: string;
  externalId: string;
  status: "in_progress" | "completed";
  conclusion?: "success" | "failure" | "neutral" | "cancelled";
  /** Plain text, as GitHub shows check titles; Foreman's are fixed words (`CheckTitle`). */
  title: string;
  summary: SafeMarkdown;
  /** Sent when the check run is created, or updated while it has none (GitHub adds an update's annotations to those it has). */
  annotations?: CheckAnnotation[];
}

export interface CheckSummary {
  name: string;
  appSlug: string;
  status: string;
  conclusion: string | null;
  title: string | null;
  summary: string | null;
}

export interface ReviewInput {
  number: number;
  sha: string;
  body: SafeMarkdown;
  comments: Array<{ path: string; line: number; body: SafeMarkdown }>;
  /** Makes the review find-or-create: a hidden marker with this key is added to its body. */
  key?: string;
}

/** Who did something on GitHub. */
export interface Actor {
  login: string;
  type: string;
}

/** Someone added a label to an issue: who, and when (ms). */
export interface LabelEvent {
  by: Actor;
  at: number;
}

export type Reaction = "+1" | "-1" | "eyes" | "rocket" | "confused";

export type MergeMethod = "merge" | "squash" | "rebase";

/** GitHub's answer to a merge: merged, or refused for a reason Foreman knows what to do about (GitHub's words in `message`). */
export type MergeOutcome = { merged: true; message: string } | { merged: false; refusal: MergeRefusal; message: string };

/**
 * GitHub's answer to "bring this pull request's branch up to date with its base" (`update-branch`):
 * `accepted` (GitHub merges the base into the branch, on github.com a moment later), `up_to_date`
 * (the branch already holds the base), or `conflict` (the merge has conflicts; nothing was written).
 */
export type BranchUpdate = "accepted" | "up_to_date" | "conflict";

/** Two commits compared as GitHub does (`base...head`). */
/** A commit of a branch's history, as far as its title tells: its message's first line, and whether it merges (more than one parent). */
export interface CommitTitle {
  title: string;
  merge: boolean;
}

export interface Comparison {
  /** The newest commit both histories hold. */
  mergeBase: string;
  /** Commits `head` has that `base` lacks. */
  aheadBy: number;
  /** Commits `base` has that `head` lacks: 0 when `head` holds all of `base`. */
  behindBy: number;
  /** The files `head` changed since the merge base (both paths of a rename). */
  files: string[];
  /** The commits `head` has that `base` lacks (the first 100), each with its author's login (null: GitHub knows no account). */
  commits: Array<{ sha: string; author: string | null }>;
}

/** One commit on a task's branch, made as a compare-and-swap on the head Foreman last saw. */
export interface CommitInput {
  branch: string;
  /** The head Foreman last saw; null when the branch does not exist yet. The branch moves only from there. */
  expectedHead: string | null;
  /** The commit whose files `changes` apply to; a parent too when the head's history does not hold it yet. */
  baseSha: string;
  message: SafePlainText;
  changes: FileChange[];
}

/** Whether `login` is the app's own account (`<slug>[bot]`). GitHub logins are case-insensitive. */
export function isAppLogin(login: string, appLogin: string): boolean {
  return login.toLowerCase() === appLogin.toLowerCase();
}

/**
 * What GitHub still wants before a pull request may merge, as it reports it on the pull request
 * (so classic branch protection counts too, which the app cannot read without admin rights).
 */
export interface MergeRequirements {
  /** GitHub's review decision: null when the base requires no review. */
  reviewDecision: "APPROVED" | "CHANGES_REQUESTED" | "REVIEW_REQUIRED" | null;
  /** Code owners (logins, or `org/team`) asked for a review they have not given yet. */
  codeOwners: string[];
}
