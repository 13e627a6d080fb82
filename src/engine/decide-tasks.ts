import { hasMergeStarted, isFinished, isHeadMovable, isRetryable, isWaitingForCi } from "../domain/task-status.ts";
import { CommentKey, renderApprovalRefused, renderApprovalVoided, renderFailure } from "../render/index.ts";
import { isAwaitingRequirements, requirementsChanged } from "./decide-awaiting.ts";
import { ignore, type Decision } from "./decision.ts";
import { mergeRefused } from "./decide-rebase.ts";
import { closeTask } from "./decide-stop.ts";
import { NEEDS_HUMAN_LABEL, reviewOrReady, startDebugging } from "./decide-qa.ts";
import { approveWithoutReview, reviewUnavailable } from "./decide-review.ts";
import { maxRisk } from "../policy/risk.ts";
import { afterReady } from "./ready.ts";
import type { EngineEvent } from "./events.ts";
import type { Effect } from "./effects.ts";
import { startReadyTasks } from "./schedule.ts";
import { check, withTask } from "./task-helpers.ts";
import type { TaskRecord, WorkflowState } from "./types.ts";
import { addUsage } from "./usage.ts";

type Of<T extends EngineEvent["type"]> = Extract<EngineEvent, { type: T }>;

export function taskPublished(state: WorkflowState, task: TaskRecord, event: Of<"task_published">, now: number): Decision {
  if (task.status !== "coding") return ignore(state, "task already published");
  // An approval given before the workflow learned of its pull request stands only for this head.
  const kept = task.approvedSha === event.headSha;
  const next = {
    ...task,
    status: "ci_running" as const,
    pr: event.pr,
    prNodeId: event.prNodeId,
    headSha: event.headSha,
    // The pull request's first head: every comment on it was written while this head (or a later one) was there.
    headSeenAt: task.pr === null ? 0 : now,
    ownCommits: [...task.ownCommits, event.headSha],
    approvedSha: kept ? task.approvedSha : null,
    approvedBy: kept ? task.approvedBy : null,
    approvedPermission: kept ? task.approvedPermission : null,
    risk: maxRisk(task.risk, event.risk.level),
    riskReasons: event.risk.reasons,
  };
  return {
    state: { ...withTask(state, next), usage: addUsage(state.usage, event.usage) },
    effects: [
      check(next, event.headSha, "in_progress", { kind: "waiting_for_ci" }),
      { type: "poll_ci", taskId: task.id, sha: event.headSha },
      { type: "update_status" },
    ],
  };
}

export function taskFailed(state: WorkflowState, task: TaskRecord, event: Of<"task_failed">): Decision {
  if (task.status !== "coding") return ignore(state, "coding result for a task that is not being coded");
  const next = { ...task, status: "failed" as const, failure: event.reason };
  return {
    state: { ...withTask(state, next), usage: addUsage(state.usage, event.usage) },
    effects: [
      { type: "update_status" },
      { type: "comment", key: CommentKey.taskFailed(task.id, task.attempts), on: "issue", body: renderFailure(event.reason) },
    ],
  };
}

/** A task that asks a human (or failed) acts on a CI result of its head only when it differs from the one it last acted on. */
function seenWhileWaiting(task: TaskRecord, event: Of<"ci_completed">): boolean {
  return isRetryable(task.status) && task.ciResult?.sha === event.sha && task.ciResult.conclusion === event.conclusion;
}

export function ciCompleted(state: WorkflowState, task: TaskRecord, event: Of<"ci_completed">): Decision {
  if (event.sha !== task.headSha) return ignore(state, "CI result for an old commit");
  // A required check that was missing may be the one that just passed.
  if (isAwaitingRequirements(task) && event.conclusion === "success") return requirementsChanged(state, task);
  if (!isWaitingForCi(task.status)) return ignore(state, "task is not waiting for CI");
  if (task.status === "fixing" && event.conclusion === "failure") return ignore(state, "the debugger is already on this failure");
  if (seenWhileWaiting(task, event)) return ignore(state, "a CI result the task already acted on");
  const judged = { ...task, ciResult: { sha: event.sha, conclusion: event.conclusion } };
  if (event.conclusion === "failure") {
    const next = { ...judged, status: "failed" as const, failure: event.summary };
    const failed = withTask(state, next);
    const debugging = startDebugging(failed, next, event.sha);
    return {
      ...debugging,
      effects: [check(next, event.sha, "failure", { kind: "ci_failed", summary: event.summary }), ...debugging.effects],
    };
  }
  return reviewOrReady(state, { ...judged, failure: null }, event.sha);
}

export function approveTask(state: WorkflowState, task: TaskRecord, event: Of<"approve_task">): Decision {
  if (hasMergeStarted(task.status)) return ignore(state, "task already merging");
  // Before the pull request is published here, the approval is kept and checked against the published head.
  const unpublished = task.status === "coding" && task.headSha === null;
  if (!unpublished && event.sha !== task.headSha) return ignore(state, "approval for a commit that is not the head");
  if (state.config.approval.separateApprover && event.by === state.requester) {
    const body = renderApprovalRefused(event.by);
    return {
      state,
      effects: [
        {
          type: "comment",
          key: CommentKey.approvalRefused(task.id, event.sha, event.by),
          on: task.pr ? { taskId: task.id } : "issue",
          body,
        },
      ],
    };
  }
  const approved = { ...task, approvedSha: event.sha, approvedBy: event.by, approvedPermission: event.permission, approvedWithPlan: false };
  if (reviewUnavailable(task)) return approveWithoutReview(state, task, approved);
  // A task waiting on the base branch's rules (status `approved`) tries the merge again: the review may be what they wanted.
  if (task.status !== "ready" && task.status !== "approved")
    return { state: withTask(state, approved), effects: [{ type: "update_status" }] };
  return afterReady(withTask(state, approved), approved);
}

export function headChanged(state: WorkflowState, task: TaskRecord, event: Of<"head_changed">, now: number): Decision {
  if (event.sha === task.headSha) return ignore(state, "head unchanged");
  // Webhooks come in any order: the push of a commit Foreman made earlier (its own, or GitHub's merge of the base that it asked
  // for) can arrive after a newer one. It is not a human's push, and voids no approval.
  if (task.ownCommits.includes(event.sha)) return ignore(state, "a push of an earlier commit of Foreman's, arriving late");
  if (task.headSha === null || !isHeadMovable(task.status)) return ignore(state, `push to a task that is ${task.status}`);
  const voided = task.approvedSha !== null;
  const next = {
    ...task,
    headSha: event.sha,
    headSeenAt: now,
    approvedSha: null,
    approvedBy: null,
    approvedPermission: null,
    status: "ci_running" as const,
  };
  const effects: Effect[] = [
    check(task, task.headSha, "neutral", { kind: "superseded", by: "someone", sha: event.sha }),
    check(next, event.sha, "in_progress", { kind: "pushed" }),
    { type: "update_status" },
  ];
  if (
    task.status === "needs_human" &&
    !Object.values(state.tasks).some((other) => other.id !== task.id && other.status === "needs_human")
  ) {
    effects.push({ type: "label", add: [], remove: [NEEDS_HUMAN_LABEL] });
  }
  if (voided) {
    effects.push({
      type: "comment",
      key: CommentKey.approvalVoided(task.id, event.sha),
      on: { taskId: task.id },
      body: renderApprovalVoided(event.sha, event.by),
    });
  }
  return { state: withTask(state, next), effects };
}

export function taskMerged(state: WorkflowState, task: TaskRecord, now: number): Decision {
  if (task.status === "merged") return ignore(state, "task already merged");
  const next = { ...task, status: "merged" as const, mergedAt: now };
  return startReadyTasks(withTask(state, next), now);
}

/** G4: a merge that did not happen, handled by its real cause (see `mergeRefused`). */
export function taskDequeued(state: WorkflowState, task: TaskRecord, event: Of<"task_dequeued">): Decision {
  return mergeRefused(state, task, event);
}

/** The task's pull request was closed unmerged: the task stops and its dependents are told (see `closeTask`). */
export function taskClosed(state: WorkflowState, task: TaskRecord, event: Of<"task_closed">, now: number): Decision {
  if (isFinished(task.status)) return ignore(state, "task already finished");
  return closeTask(state, task, event, now);
}
