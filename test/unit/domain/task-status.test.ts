import { describe, expect, it } from "vitest";
import {
  TASK_STATUSES,
  hasMergeStarted,
  isFinished,
  isHeadMovable,
  isRebasable,
  isRetryable,
  isRevisable,
  isRunning,
  isStepInFlight,
  isWaitingForCi,
  isWatchedOnGitHub,
  type TaskStatus,
} from "../../../src/domain/task-status.ts";

const PREDICATES = {
  isFinished,
  isRunning,
  hasMergeStarted,
  isRetryable,
  isRebasable,
  isRevisable,
  isWaitingForCi,
  isHeadMovable,
  isWatchedOnGitHub,
  isStepInFlight,
} satisfies Record<string, (status: TaskStatus) => boolean>;

type Group = keyof typeof PREDICATES;

/** Each status with the groups it belongs to: the whole vocabulary in one table. */
const MEMBERSHIP: Readonly<Record<TaskStatus, readonly Group[]>> = {
  pending: [],
  coding: ["isRunning"],
  pr_open: ["isRunning", "isRebasable", "isHeadMovable", "isWatchedOnGitHub"],
  ci_running: ["isRunning", "isRebasable", "isRevisable", "isWaitingForCi", "isHeadMovable", "isWatchedOnGitHub"],
  ready: ["isRunning", "isRebasable", "isRevisable", "isHeadMovable", "isWatchedOnGitHub"],
  approved: ["isRunning", "isRebasable", "isHeadMovable", "isWatchedOnGitHub"],
  merging: ["isRunning", "hasMergeStarted", "isHeadMovable", "isWatchedOnGitHub", "isStepInFlight"],
  merged: ["isFinished", "hasMergeStarted"],
  failed: ["isRunning", "isRetryable", "isRevisable", "isWaitingForCi", "isHeadMovable", "isWatchedOnGitHub"],
  cancelled: ["isFinished"],
  fixing: ["isRunning", "isWaitingForCi", "isStepInFlight"],
  reviewing: ["isRunning", "isRevisable", "isHeadMovable", "isStepInFlight"],
  revising: ["isRunning", "isStepInFlight"],
  rebasing: ["isRunning", "isStepInFlight"],
  needs_human: ["isRunning", "isRetryable", "isRevisable", "isWaitingForCi", "isHeadMovable"],
};

const cases = TASK_STATUSES.flatMap((status) =>
  (Object.keys(PREDICATES) as Group[]).map((group) => [status, group, MEMBERSHIP[status].includes(group)] as const),
);

describe("task status groups", () => {
  it("lists every status once", () => {
    expect(new Set(TASK_STATUSES).size).toBe(TASK_STATUSES.length);
    expect(Object.keys(MEMBERSHIP).sort()).toEqual([...TASK_STATUSES].sort());
  });

  it.each(cases)("%s: %s is %s", (status, group, expected) => {
    expect(PREDICATES[group](status)).toBe(expected);
  });

  it("gives every group at least one status, so that no predicate is always false", () => {
    const empty = (Object.keys(PREDICATES) as Group[]).filter((group) => !TASK_STATUSES.some((status) => PREDICATES[group](status)));

    expect(empty).toEqual([]);
  });

  it("never calls a finished or unstarted task running", () => {
    const running = TASK_STATUSES.filter(isRunning);

    expect(running).toHaveLength(TASK_STATUSES.length - 3);
    expect(running).not.toContain("pending");
    expect(running.some(isFinished)).toBe(false);
  });

  it("lets every stopped task be retried, revised, and hear CI, but leaves its branch to the human until it goes on", () => {
    const retryable = TASK_STATUSES.filter(isRetryable);

    expect(retryable).toEqual(["failed", "needs_human"]);
    expect(retryable.every((status) => isRevisable(status) && isWaitingForCi(status) && isHeadMovable(status))).toBe(true);
    expect(retryable.some(isRebasable)).toBe(false);
  });

  it("neither rebases nor retries a task while a job works on it", () => {
    const inFlight = TASK_STATUSES.filter(isStepInFlight);

    expect(inFlight).toHaveLength(5);
    expect(inFlight.some((status) => isRebasable(status) || isRetryable(status))).toBe(false);
  });
});
