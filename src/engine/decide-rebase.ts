import { queueRemoval, type MergeRefusal } from "../domain/merge-refusal.ts";
import { isRebasable, isRunning } from "../domain/task-status.ts";
import {
  BaseUpdateKey,
  renderConflictRecoded,
  renderMergeRefused,
  renderUpdatedCheck,
  renderUpdatingCheck,
  type BaseUpdateHow,
} from "../render/base-updates.ts";
import type { CheckRunOutput } from "../render/check-run-output.ts";
import { awaitRequirements } from "./decide-awaiting.ts";
import { ignore, type Decision } from "./decision.ts";
import type { CheckState, Effect } from "./effects.ts";
import type { EngineEvent } from "./events.ts";
import { check, withTask } from "./task-helpers.ts";
import type { TaskRecord, WorkflowState } from "./types.ts";

type Of<T extends EngineEvent["type"]> = Extract<EngineEvent, { type: T }>;

const setCheck = (task: TaskRecord, sha: string, state: CheckState, output: CheckRunOutput): Effect => ({
  type: "set_check",
  taskId: task.id,
  sha,
  state,
  ...output,
});

/**
 * G3/G4: the task's branch is brought up to date with its base by the rebase job (GitHub's
 * update-branch, or Foreman's three-way merge, or the coder on a real conflict). Until then the
 * head is neither offered for `/approve` nor merged: its check says it is being updated.
 */
function startRebase(state: WorkflowState, task: TaskRecord): Decision {
  const rebasing: TaskRecord = { ...task, status: "rebasing", pendingBase: null };
  const effects: Effect[] = [
    ...(task.headSha ? [setCheck(rebasing, task.headSha, "in_progress", renderUpdatingCheck())] : []),
    { type: "rebase_task", taskId: task.id },
    { type: "update_status" },
  ];
  return { state: withTask(state, rebasing), effects };
}

/**
 * The base moved and the task's pull request conflicts with it. A task at rest is brought up to
 * date at once; one that a job works on, that is being merged or that waits on a human keeps the
 * conflict in mind (`pendingBase`) until it comes back to rest (see `settlePendingConflicts`).
 */
export function taskConflicted(state: WorkflowState, task: TaskRecord, event: Of<"task_conflicted">): Decision {
  if (task.pr === null || !isRunning(task.status)) return ignore(state, `conflict while the task is ${task.status}`);
  if (isRebasable(task.status)) return startRebase(state, task);
  return { state: withTask(state, { ...task, pendingBase: event.baseSha }), effects: [] };
}

const aboutTask = (effect: Effect, taskId: string): boolean => "taskId" in effect && effect.taskId === taskId;

/** A conflict kept for later, now that the task is at rest (or about to be merged): the merge and the offer for `/approve` give way to the update. */
function settleOne(decision: Decision, task: TaskRecord): Decision {
  const head = task.headSha;
  const offer = (effect: Effect): boolean =>
    aboutTask(effect, task.id) && (effect.type === "merge_task" || (effect.type === "set_check" && effect.sha === head));
  const kept = decision.effects.filter((effect) => !offer(effect));
  const rebase = startRebase(decision.state, task);
  const effects = [...kept, ...rebase.effects];
  const firstStatus = effects.findIndex((effect) => effect.type === "update_status");
  return {
    ...decision,
    state: rebase.state,
    effects: effects.filter((effect, index) => effect.type !== "update_status" || index === firstStatus),
  };
}

/**
 * G4, after every decision: a conflict found while a task was busy is dealt with once the task is
 * at rest again, or about to be merged; so a conflicting head is never offered for `/approve` nor
 * merged, and the conflict is never lost.
 */
export function settlePendingConflicts(decision: Decision): Decision {
  if (decision.ignored !== undefined || decision.state.phase !== "executing") return decision;
  let settled = decision;
  for (const task of Object.values(decision.state.tasks)) {
    const merging = settled.effects.some((effect) => effect.type === "merge_task" && effect.taskId === task.id);
    if (task.pendingBase !== null && task.pr !== null && (isRebasable(task.status) || merging)) settled = settleOne(settled, task);
  }
  return settled;
}

/**
 * The rule for an approval after an update (like GitHub's merge queue): a merge of the approved
 * head with the base that Foreman had made without conflicts (by GitHub's update-branch or its own
 * three-way merge) changes nothing of the task's own, so the approval (and the reviewer's verdict)
 * of the old head holds for the merge; CI must still pass on it before it is merged. A conflict the
 * coder resolved changed the task's code: the approval is void and a new `/approve` is needed.
 */
export function committedOnBase(
  state: WorkflowState,
  task: TaskRecord,
  outcome: { commitSha: string; how: BaseUpdateHow; conflicts?: string[] },
  now: number,
): Decision {
  const { commitSha: sha, how } = outcome;
  const clean = how === "github" || how === "merged";
  const approvalKept = clean && task.approvedSha !== null && task.approvedSha === task.headSha;
  const reviewKept = clean && task.reviewedSha !== null && task.reviewedSha === task.headSha;
  const next: TaskRecord = {
    ...task,
    status: "ci_running",
    headSha: sha,
    headSeenAt: now,
    ownCommits: [...task.ownCommits, sha],
    approvedSha: approvalKept ? sha : null,
    approvedBy: approvalKept ? task.approvedBy : null,
    approvedPermission: approvalKept ? task.approvedPermission : null,
    reviewedSha: reviewKept ? sha : task.reviewedSha,
  };
  const conflicts = outcome.conflicts ?? [];
  const effects: Effect[] = [
    ...(task.headSha ? [check(task, task.headSha, "neutral", { kind: "superseded", by: "foreman", sha })] : []),
    setCheck(next, sha, "in_progress", renderUpdatedCheck(how, approvalKept)),
    // CI may finish before this result is applied; its webhook was then dropped as one for an old commit.
    { type: "poll_ci", taskId: task.id, sha },
    ...(conflicts.length > 0 && task.pr
      ? [
          {
            type: "comment" as const,
            key: BaseUpdateKey.conflictRecoded(task.id, sha),
            on: { taskId: task.id },
            body: renderConflictRecoded(conflicts),
          },
        ]
      : []),
    { type: "update_status" },
  ];
  return { state: withTask(state, next), effects };
}

/** The branch already held the base: nothing was written, and the task waits for CI on its head as before (its result is read again). */
export function alreadyUpToDate(state: WorkflowState, task: TaskRecord): Decision {
  const next: TaskRecord = { ...task, status: "ci_running" };
  const effects: Effect[] = task.headSha
    ? [check(next, task.headSha, "in_progress", { kind: "waiting_for_ci" }), { type: "poll_ci", taskId: task.id, sha: task.headSha }]
    : [];
  return { state: withTask(state, next), effects: [...effects, { type: "update_status" }] };
}

type HumanCause = Exclude<MergeRefusal, "conflict" | "behind" | "head_moved" | "requirements">;

/** A refused merge a human must act on: the task is ready again, its approval void, and the pull request says why and what to do. */
function handBack(state: WorkflowState, task: TaskRecord, cause: HumanCause, reason: string): Decision {
  const next: TaskRecord = { ...task, status: "ready", approvedSha: null, approvedBy: null, approvedPermission: null };
  const head = task.headSha ?? "none";
  return {
    state: withTask(state, next),
    effects: [
      ...(task.headSha ? [check(next, task.headSha, "in_progress", { kind: "ready_for_approval" })] : []),
      {
        type: "comment",
        key: BaseUpdateKey.mergeRefused(task.id, head, cause),
        on: { taskId: task.id },
        body: renderMergeRefused({ taskId: task.id, cause, reason }),
      },
      { type: "update_status" },
    ],
  };
}

/**
 * G4: a merge that did not happen, by its real cause: a conflict or a base the head lacks brings the
 * branch up to date (a clean update keeps the approval); a push after the approval is left to its
 * own event; the base branch's rules wanting more (a review, a check) keep the approval and wait for
 * it; a removal from the merge queue or an unknown reason go back to a human with a comment.
 */
export function mergeRefused(state: WorkflowState, task: TaskRecord, event: Of<"task_dequeued">): Decision {
  if (task.status !== "merging") return ignore(state, "task was not merging");
  const cause = event.cause ?? queueRemoval(event.reason);
  switch (cause) {
    case "merged":
      return ignore(state, "the merge queue merged the pull request; its close reports the merge");
    case "head_moved":
      return ignore(state, "the head moved after the approval; the push decides what comes next");
    case "conflict":
    case "behind":
      return startRebase(state, task);
    case "requirements":
      return awaitRequirements(state, task, event.reason);
    default:
      return handBack(state, task, cause, event.reason);
  }
}
