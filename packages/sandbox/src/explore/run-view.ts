import { executeJob } from "../github/ci/job-executor.ts";
import type { GitRepository } from "../github/git/git-repository.ts";
import type { BranchMoveRecord, EventRecord, HistoryRecord } from "../github/state/history.ts";
import type { CheckRun, IssueComment, PullRequest, Review } from "../github/state/types.ts";
import type { RecordedModelRequest } from "../model/index.ts";
import type { World } from "../run/world.ts";

type GitReads = Pick<GitRepository, "isAncestor" | "compare" | "getCommit" | "tryMergeTree" | "readFile" | "resolve">;

/**
 * Everything the checks read after a run, from the sandbox's own records only (never the app's
 * database): the history of branch moves and events, the final pull requests, comments, reviews
 * and check runs, the model server's requests, and git.
 */
export interface RunView {
  startedAt: number;
  /** The run came to rest (idle for its quiet period) before its deadline. */
  atRest: boolean;
  issueNumber: number;
  issueState: "open" | "closed";
  issueLabels: readonly string[];
  label: string;
  defaultBranch: string;
  initialMain: string;
  appLogin: string;
  appId: number;
  /** Task branches start with this, `foreman/<issue>/`. */
  taskPrefix: string;
  writers: ReadonlySet<string>;
  history: readonly HistoryRecord[];
  pulls: readonly PullRequest[];
  comments: readonly IssueComment[];
  reviews: readonly Review[];
  checkRuns: readonly CheckRun[];
  modelRequests: readonly RecordedModelRequest[];
  git: GitReads;
  /** Runs the repository's CI commands on a commit, as the sandbox CI runs them. */
  ciPasses(sha: string): Promise<boolean>;
}

const WRITE_PERMISSIONS = new Set(["write", "maintain", "admin"]);

/** The view of a finished run, read before its world is torn down. */
export function viewOf(world: World, run: { startedAt: number; initialMain: string; atRest: boolean; label: string }): RunView {
  const { store } = world.github;
  const repoId = world.repo.id;
  const issue = store.issue(repoId, world.issueNumber);
  const ciResults = new Map<string, Promise<boolean>>();
  const ciPasses = (sha: string): Promise<boolean> => {
    const known = ciResults.get(sha);
    if (known) return known;
    const result = (async () => {
      for (const command of world.repo.ci) {
        const outcome = await executeJob({ repo: world.repo, sha, command, variables: {}, now: () => new Date() });
        if (outcome.conclusion !== "success") return false;
      }
      return true;
    })();
    ciResults.set(sha, result);
    return result;
  };
  return {
    ...run,
    issueNumber: world.issueNumber,
    issueState: issue?.state ?? "open",
    issueLabels: issue?.labels ?? [],
    defaultBranch: world.repo.defaultBranch,
    appLogin: world.botLogin,
    appId: world.app.id,
    taskPrefix: `foreman/${world.issueNumber}/`,
    writers: new Set(world.scenario.actors.filter((actor) => WRITE_PERMISSIONS.has(actor.permission)).map((actor) => actor.login)),
    history: store.history.records().filter((record) => record.repoId === repoId),
    pulls: store.pullsOf(repoId),
    comments: [...store.comments.values()].filter((comment) => comment.repoId === repoId),
    reviews: [...store.reviews.values()].filter((review) => review.repoId === repoId),
    checkRuns: [...store.checkRuns.values()].filter((run) => run.repoId === repoId),
    modelRequests: world.model?.requests() ?? [],
    git: world.repo.git,
    ciPasses,
  };
}

export const short = (sha: string | null | undefined): string => (sha ? sha.slice(0, 7) : "none");

/** Seconds since the run started, for violation texts. */
export const secondsAt = (view: RunView, at: number): string => `${((at - view.startedAt) / 1000).toFixed(1)} s`;

export function branchMoves(view: RunView, branch?: string): BranchMoveRecord[] {
  return view.history.filter(
    (record): record is BranchMoveRecord => record.kind === "branch" && (branch === undefined || record.branch === branch),
  );
}

export function eventsOf(view: RunView, event: string, action?: string): EventRecord[] {
  return view.history.filter(
    (record): record is EventRecord =>
      record.kind === "event" && record.event === event && (action === undefined || record.action === action),
  );
}

/** The branch's head just before the record with this sequence number (null when it did not exist). */
export function headBefore(view: RunView, branch: string, seq: number): string | null {
  const moves = branchMoves(view, branch).filter((record) => record.seq < seq);
  return moves.at(-1)?.after ?? null;
}

export const isApp = (view: RunView, login: string): boolean => login === view.appLogin;

/** The task pull requests of the run, found by their head branch. */
export function taskPulls(view: RunView): PullRequest[] {
  return view.pulls.filter((pull) => pull.headRef.startsWith(view.taskPrefix));
}

export const taskOf = (view: RunView, branch: string): string => branch.slice(view.taskPrefix.length);

/** A nested value of an event payload, read defensively: payloads are GitHub's JSON. */
export function field(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

export const text = (value: unknown): string => (typeof value === "string" ? value : "");

/** Whether pull request `number` was open at time `at` (ms; Infinity for the end of the run), by its opened, closed and reopened events. */
export function pullOpenAt(view: RunView, number: number, at = Number.POSITIVE_INFINITY): boolean {
  let open = false;
  for (const event of eventsOf(view, "pull_request")) {
    if (event.at > at || field(event.payload, "number") !== number) continue;
    if (event.action === "opened" || event.action === "reopened") open = true;
    if (event.action === "closed") open = false;
  }
  return open;
}
