/** Where one task stands, in the order a task usually goes through them. */
export const TASK_STATUSES = [
  /** Not started yet. */
  "pending",
  /** The coder is writing the change. */
  "coding",
  "pr_open",
  "ci_running",
  /** CI is green (and the review passed): waiting for `/approve`. */
  "ready",
  "approved",
  "merging",
  "merged",
  /** CI failed; the pull request stays open and may turn green after a fix. */
  "failed",
  "cancelled",
  /** The debugger is reading a CI failure and may push a fix. */
  "fixing",
  /** The reviewer is reading the green diff. */
  "reviewing",
  /** The coder is answering review findings or a writer's review. */
  "revising",
  /** The task's branch is being brought up to date with a moved base. */
  "rebasing",
  /** Foreman stopped and asked a human; `/retry` or a push continues. */
  "needs_human",
] as const;

export type TaskStatus = (typeof TASK_STATUSES)[number];

type StatusGroup = ReadonlySet<TaskStatus>;
const group = (...statuses: TaskStatus[]): StatusGroup => new Set(statuses);

const FINISHED = group("merged", "cancelled");
const MERGE_STARTED = group("merging", "merged");
const RETRYABLE = group("failed", "needs_human");
const REBASABLE = group("pr_open", "ci_running", "ready", "approved");
const REVISABLE = group("ci_running", "ready", ...RETRYABLE, "reviewing");
const WAITING_FOR_CI = group("ci_running", "fixing", ...RETRYABLE);
const HEAD_MOVABLE = group("pr_open", "ci_running", "ready", "approved", "merging", "reviewing", ...RETRYABLE);
const WATCHED = group("pr_open", "ci_running", "ready", "approved", "merging", "failed");
const STEP_IN_FLIGHT = group("merging", "fixing", "reviewing", "revising", "rebasing");

/** The task will never run again: merged, or cancelled (its pull request closed, or the work stopped). */
export function isFinished(status: TaskStatus): boolean {
  return FINISHED.has(status);
}

/**
 * A running task holds a slot of `maxParallelTasks` and owns its files: every status but
 * not started and finished. A failed task keeps both: its pull request is still open and may
 * turn green again after a fix.
 */
export function isRunning(status: TaskStatus): boolean {
  return status !== "pending" && !isFinished(status);
}

/** The merge has begun or is done: a later approval changes nothing. */
export function hasMergeStarted(status: TaskStatus): boolean {
  return MERGE_STARTED.has(status);
}

/** Foreman stopped on the task (CI failed, or it asked a human): `/retry` starts it again. */
export function isRetryable(status: TaskStatus): boolean {
  return RETRYABLE.has(status);
}

/**
 * The pull request is open, no job is working on the branch, no merge is under way and no human is
 * asked: a conflict with a moved base is dealt with at once, by bringing the branch up to date. In
 * every other running status it is remembered and dealt with when the task comes back to one of these.
 */
export function isRebasable(status: TaskStatus): boolean {
  return REBASABLE.has(status);
}

/** A writer's review (or review comment) goes to the coder in these statuses; a review in progress gives way to it. */
export function isRevisable(status: TaskStatus): boolean {
  return REVISABLE.has(status);
}

/** A CI result on the head counts: a green re-run (by a human, say) also counts while the debugger is still reading the failure. */
export function isWaitingForCi(status: TaskStatus): boolean {
  return WAITING_FOR_CI.has(status);
}

/**
 * A push moves the task's head only while its pull request is open and not yet merged. An
 * escalated task counts: a human pushing the fix is one of the ways out the escalation offers.
 */
export function isHeadMovable(status: TaskStatus): boolean {
  return HEAD_MOVABLE.has(status);
}

/** GitHub can move on without Foreman (a merge, a close, a push, CI finishing), so the reconciler compares the task with its pull request. */
export function isWatchedOnGitHub(status: TaskStatus): boolean {
  return WATCHED.has(status);
}

/** A merge or a QA step (debugger, reviewer, revision, rebase) is running in a job; coding is the task's own job, apart. */
export function isStepInFlight(status: TaskStatus): boolean {
  return STEP_IN_FLIGHT.has(status);
}
