import { BaseUpdateKey } from "../render/base-updates.ts";
import { renderMergeWaiting } from "../render/merge-waiting.ts";
import { ignore, type Decision } from "./decision.ts";
import type { Effect } from "./effects.ts";
import { withTask } from "./task-helpers.ts";
import type { TaskRecord, WorkflowState } from "./types.ts";

/**
 * Foreman's approval is given, but the base branch's rules want more (an approving review, a code
 * owner's, a required check): the approval stands and the task waits, never failed nor coded again.
 * The pull request says what is missing, once per head and wording.
 */
export function awaitRequirements(state: WorkflowState, task: TaskRecord, missing: string): Decision {
  const next: TaskRecord = { ...task, status: "approved", awaiting: missing };
  const effects: Effect[] = [];
  if (task.pr !== null && task.headSha !== null && task.awaiting !== missing) {
    effects.push({
      type: "comment",
      key: BaseUpdateKey.mergeRefused(task.id, task.headSha, "requirements"),
      on: { taskId: task.id },
      body: renderMergeWaiting({ taskId: task.id, missing }),
    });
  }
  return { state: withTask(state, next), effects: [...effects, { type: "update_status" }] };
}

/** Whether the task holds Foreman's approval of its head and waits only on the base branch's rules. */
export function isAwaitingRequirements(task: TaskRecord): boolean {
  return task.status === "approved" && task.headSha !== null && task.approvedSha === task.headSha;
}

/**
 * Something the base branch's rules count changed on the task's pull request (a review, a check, a
 * `/retry`): a task waiting on them tries the merge again; the merge job reads what is still missing first.
 */
export function requirementsChanged(state: WorkflowState, task: TaskRecord): Decision {
  if (!isAwaitingRequirements(task) || task.headSha === null) return ignore(state, "task is not waiting on the base branch's rules");
  const merging: TaskRecord = { ...task, status: "merging" };
  return {
    state: withTask(state, merging),
    effects: [{ type: "merge_task", taskId: task.id, sha: task.headSha }, { type: "update_status" }],
  };
}
