import { isRetryable, isRevisable } from "../domain/task-status.ts";
import { escalationReason, failureText, HeadNoticeKey, renderHandedOver, type CheckRunView } from "../render/index.ts";
import { ignore, type Decision } from "./decision.ts";
import { alreadyUpToDate, committedOnBase } from "./decide-rebase.ts";
import { isAwaitingRequirements, requirementsChanged } from "./decide-awaiting.ts";
import { reviewAgain, reviewUnavailable } from "./decide-review.ts";
import { withDiagnosis } from "./diagnoses.ts";
import { escalate, NEEDS_HUMAN_LABEL } from "./escalate.ts";
import type { EngineEvent } from "./events.ts";
import { afterReady } from "./ready.ts";
import { check, withTask } from "./task-helpers.ts";
import type { TaskRecord, WorkflowState } from "./types.ts";
import { addUsage } from "./usage.ts";

type Of<T extends EngineEvent["type"]> = Extract<EngineEvent, { type: T }>;

export { NEEDS_HUMAN_LABEL } from "./escalate.ts";

/** A red CI run goes to the debugger while the bounds allow; otherwise to a human. */
export function startDebugging(state: WorkflowState, task: TaskRecord, sha: string): Decision {
  const { maxFixAttempts, maxFixAttemptsPerIssue } = state.config.qa;
  if (task.fixAttempts >= maxFixAttempts) return escalate(state, task, escalationReason.fixLimit(task.fixAttempts));
  if (state.fixAttemptsTotal >= maxFixAttemptsPerIssue)
    return escalate(state, task, escalationReason.issueFixLimit(maxFixAttemptsPerIssue));
  const fixing = { ...task, status: "fixing" as const };
  return { state: withTask(state, fixing), effects: [{ type: "run_debugger", taskId: task.id, sha }, { type: "update_status" }] };
}

/**
 * Green CI: the reviewer reads the diff once per head (when enabled), then the task waits for
 * approval. A head whose review could not be completed is reviewed again.
 */
export function reviewOrReady(state: WorkflowState, task: TaskRecord, sha: string): Decision {
  if (state.config.qa.review.enabled && (task.reviewedSha !== sha || task.reviewVerdict === "unavailable")) {
    const reviewing = { ...task, status: "reviewing" as const };
    return {
      state: withTask(state, reviewing),
      effects: [
        check(reviewing, sha, "in_progress", { kind: "reviewing" }),
        { type: "run_reviewer", taskId: task.id, sha },
        { type: "update_status" },
      ],
    };
  }
  return afterReady(state, task);
}

/** Foreman pushed `commitSha` to the task's branch: the old head's check is superseded, CI runs on the new one. */
function committed(state: WorkflowState, task: TaskRecord, commitSha: string, view: CheckRunView, now: number): Decision {
  const next = {
    ...task,
    status: "ci_running" as const,
    headSha: commitSha,
    headSeenAt: now,
    ownCommits: [...task.ownCommits, commitSha],
    approvedSha: null,
    approvedBy: null,
    approvedPermission: null,
  };
  const effects = [
    ...(task.headSha ? [check(task, task.headSha, "neutral", { kind: "superseded", by: "foreman", sha: commitSha })] : []),
    check(next, commitSha, "in_progress", view),
    // CI may finish before this result is applied; its webhook was then dropped as one for an old commit.
    { type: "poll_ci" as const, taskId: task.id, sha: commitSha },
    { type: "update_status" as const },
  ];
  return { state: withTask(state, next), effects };
}

export function debugDone(state: WorkflowState, task: TaskRecord, event: Of<"debug_done">, now: number): Decision {
  if (task.status !== "fixing" || event.sha !== task.headSha) return ignore(state, "debugger result for a task that is not being fixed");
  // After a re-run of a flaky failure the same error is expected once more: that is when it counts as real.
  const repeated = task.lastSignature !== null && task.lastSignature === event.signature && task.rerunSha !== event.sha;
  const seen = {
    ...task,
    lastSignature: event.signature,
    lastError: event.excerpt || task.lastError,
    usage: addUsage(task.usage, event.usage),
  };
  const base = { ...withTask(state, seen), usage: addUsage(state.usage, event.usage) };
  const { outcome } = event;
  if (outcome.kind === "stuck" || (repeated && outcome.kind !== "rerun")) {
    return escalate(base, seen, outcome.kind === "stuck" ? outcome.reason : escalationReason.sameFailureAfterFix());
  }
  if (outcome.kind === "failed") return escalate(base, seen, escalationReason.debuggerFailed(outcome.reason));
  const classification = "classification" in outcome ? outcome.classification : "spec_mismatch";
  const classified = {
    ...seen,
    classifications: [...seen.classifications, classification],
    diagnoses: withDiagnosis(seen.diagnoses, classification, outcome.diagnosis),
  };
  const next = withTask(base, classified);
  switch (outcome.kind) {
    case "fixed": {
      const fixed = { ...classified, fixAttempts: classified.fixAttempts + 1 };
      const counted = { ...withTask(next, fixed), fixAttemptsTotal: next.fixAttemptsTotal + 1 };
      return committed(counted, fixed, outcome.commitSha, { kind: "fix_pushed", diagnosis: outcome.diagnosis }, now);
    }
    case "rerun":
      if (classified.rerunSha === event.sha)
        return escalate(next, classified, escalationReason.failedAfterRerun(outcome.classification, outcome.diagnosis));
      return rerun(next, classified, event.sha);
    case "spec_mismatch":
      // The planner is asked for the task's new file list; the task stays with the debugger's step until it answers.
      return {
        state: next,
        effects: [{ type: "amend_files", taskId: task.id, sha: event.sha, diagnosis: outcome.diagnosis }, { type: "update_status" }],
      };
    case "no_fix":
      return escalate(next, classified, escalationReason.noFix(outcome.classification, outcome.diagnosis));
  }
}

function rerun(state: WorkflowState, task: TaskRecord, sha: string): Decision {
  const next = { ...task, status: "ci_running" as const, rerunSha: sha };
  return {
    state: withTask(state, next),
    effects: [
      { type: "rerun_jobs", taskId: task.id, sha },
      check(next, sha, "in_progress", { kind: "rerunning" }),
      { type: "update_status" },
    ],
  };
}

/** A new attempt from the current base, on the same branch and pull request, with what failed before. */
export function freshAttempt(state: WorkflowState, task: TaskRecord, context: string): Decision {
  const next: TaskRecord = {
    ...task,
    status: "coding",
    attempts: task.attempts + 1,
    retryContext: context,
    approvedSha: null,
    approvedBy: null,
    approvedPermission: null,
    lastSignature: null,
    rerunSha: null,
    reviewedSha: null,
    reviewRounds: 0,
    findingSignatures: [],
  };
  return {
    state: withTask(state, next),
    effects: [{ type: "label", add: [], remove: [NEEDS_HUMAN_LABEL] }, { type: "start_task", taskId: task.id }, { type: "update_status" }],
  };
}

export function reviewDone(state: WorkflowState, task: TaskRecord, event: Of<"review_done">): Decision {
  if (task.status !== "reviewing" || event.sha !== task.headSha) return ignore(state, "review of a commit that is not under review");
  const reviewed = { ...task, reviewedSha: event.sha, reviewVerdict: event.verdict, usage: addUsage(task.usage, event.usage) };
  const base = { ...withTask(state, reviewed), usage: addUsage(state.usage, event.usage) };
  if (event.verdict === "approve") return afterReady(base, reviewed, event.summary);
  const rounds = reviewed.reviewRounds + 1;
  const recurring = event.findings.filter((finding) => reviewed.findingSignatures.includes(finding));
  const counted = {
    ...reviewed,
    reviewRounds: rounds,
    findingSignatures: [...new Set([...reviewed.findingSignatures, ...event.findings])],
  };
  if (recurring.length > 0) return escalate(withTask(base, counted), counted, escalationReason.findingRecurred());
  if (rounds > state.config.qa.review.maxRounds)
    return escalate(withTask(base, counted), counted, escalationReason.reviewRounds(rounds - 1));
  const revising = { ...counted, status: "revising" as const };
  const feedback = `The reviewer requested changes:\n${event.summary}`;
  return {
    state: withTask(base, revising),
    effects: [{ type: "run_revision", taskId: task.id, sha: event.sha, feedback, reply: null }, { type: "update_status" }],
  };
}

export function revisionDone(state: WorkflowState, task: TaskRecord, event: Of<"revision_done">, now: number): Decision {
  if (task.status !== "revising" || event.sha !== task.headSha) return ignore(state, "revision for a task that is not being revised");
  const next = { ...task, usage: addUsage(task.usage, event.usage) };
  const base = { ...withTask(state, next), usage: addUsage(state.usage, event.usage) };
  if (event.outcome.kind === "failed") return escalate(base, next, escalationReason.revisionFailed(event.outcome.reason));
  return committed(base, next, event.outcome.commitSha, { kind: "revision_pushed" }, now);
}

/** A writer's review or review comment on a task's pull request goes to the coder. */
export function humanFeedback(state: WorkflowState, task: TaskRecord, event: Of<"human_feedback">): Decision {
  if (!isRevisable(task.status) || !task.headSha) return ignore(state, `review feedback while the task is ${task.status}`);
  const revising = { ...task, status: "revising" as const };
  const feedback = `@${event.by} asked for changes:\n${event.body}`;
  return {
    state: withTask(state, revising),
    effects: [{ type: "run_revision", taskId: task.id, sha: task.headSha, feedback, reply: event.reply }, { type: "update_status" }],
  };
}

/**
 * G2: someone else's commit heads the branch Foreman was about to write to (a push while the coder
 * worked): the task waits for them, on their head, and the comment says how to go on.
 */
export function branchTaken(state: WorkflowState, task: TaskRecord, event: Of<"branch_taken">, now: number): Decision {
  if (task.status !== "coding") return ignore(state, "branch taken while the task is not being coded");
  const head = task.pr !== null && event.sha !== null ? event.sha : task.headSha;
  const next: TaskRecord = {
    ...task,
    status: "needs_human",
    failure: failureText.branchTaken(task.branch),
    headSha: head,
    headSeenAt: head === task.headSha ? task.headSeenAt : now,
    approvedSha: null,
    approvedBy: null,
    approvedPermission: null,
    usage: addUsage(task.usage, event.usage),
  };
  const body = renderHandedOver({ taskId: task.id, branch: task.branch, sha: event.sha ?? "" });
  return {
    state: { ...withTask(state, next), usage: addUsage(state.usage, event.usage) },
    effects: [
      { type: "label", add: [NEEDS_HUMAN_LABEL], remove: [] },
      {
        type: "comment",
        key: HeadNoticeKey.handedOver(task.id, event.sha ?? "unknown"),
        on: task.pr ? { taskId: task.id } : "issue",
        body,
      },
      { type: "update_status" },
    ],
  };
}

/** A human's commit heads the branch: `/retry` goes on from it (CI, then review), not from scratch. */
function pickUp(state: WorkflowState, task: TaskRecord, sha: string): Decision {
  const next: TaskRecord = { ...task, status: "ci_running", failure: null, lastSignature: null, rerunSha: null };
  return {
    state: withTask(state, next),
    effects: [
      { type: "label", add: [], remove: [NEEDS_HUMAN_LABEL] },
      check(next, sha, "in_progress", { kind: "pushed" }),
      { type: "poll_ci", taskId: task.id, sha },
      { type: "update_status" },
    ],
  };
}

function retryOne(state: WorkflowState, task: TaskRecord, now: number): Decision {
  if (reviewUnavailable(task)) return reviewAgain(state, task, now);
  if (task.pr !== null && task.headSha !== null && !task.ownCommits.includes(task.headSha)) return pickUp(state, task, task.headSha);
  const last = task.classifications.at(-1);
  if ((last === "flaky" || last === "infrastructure") && task.headSha) return rerun(state, task, task.headSha);
  const summary = `Attempt ${task.attempts} failed. ${task.failure ?? ""}${task.lastError ? `\nLast error:\n${task.lastError}` : ""}`;
  return freshAttempt(state, task, summary);
}

/** `/retry` on a task's pull request retries that task; on the issue, every failed or escalated task. */
export function retry(state: WorkflowState, event: Of<"retry">, now: number): Decision {
  const targets = Object.values(state.tasks).filter(
    (task) => (isRetryable(task.status) || isAwaitingRequirements(task)) && (event.taskId === null || task.id === event.taskId),
  );
  if (targets.length === 0) return ignore(state, "nothing to retry");
  let decision: Decision = { state, effects: [] };
  for (const task of targets) {
    // A task whose only problem is the base branch's rules tries the merge again: nothing is coded again.
    const next = isAwaitingRequirements(task) ? requirementsChanged(decision.state, task) : retryOne(decision.state, task, now);
    decision = { state: next.state, effects: [...decision.effects, ...next.effects] };
  }
  return decision;
}

/** G3: the rebase job's result. A clean merge with the base keeps an approval of the merged head (see `committedOnBase`). */
export function rebaseDone(state: WorkflowState, task: TaskRecord, event: Of<"rebase_done">, now: number): Decision {
  if (task.status !== "rebasing") return ignore(state, "rebase result for a task that is not rebasing");
  const next = { ...task, usage: addUsage(task.usage, event.usage) };
  const base = { ...withTask(state, next), usage: addUsage(state.usage, event.usage) };
  const { outcome } = event;
  switch (outcome.kind) {
    case "human_commits": {
      const moved = outcome.sha && outcome.sha !== task.headSha;
      const theirs = moved
        ? { ...next, headSha: outcome.sha ?? null, headSeenAt: now, approvedSha: null, approvedBy: null, approvedPermission: null }
        : next;
      return escalate(withTask(base, theirs), theirs, escalationReason.conflictWithHumanCommits());
    }
    case "failed":
      return escalate(base, next, escalationReason.conflictNotResolved(outcome.reason));
    case "up_to_date":
      return alreadyUpToDate(base, next);
    case "committed":
      return committedOnBase(base, next, outcome, now);
  }
}
