import { agentFailed, approvePlan, engineerDone, planDone, planFailed, replan, reply, start } from "./decide-intake.ts";
import { filesAmended } from "./decide-amend.ts";
import { approveReady } from "./decide-approve-ready.ts";
import { requirementsChanged } from "./decide-awaiting.ts";
import { branchTaken, debugDone, humanFeedback, rebaseDone, retry, reviewDone, revisionDone } from "./decide-qa.ts";
import { reviewFailed } from "./decide-review.ts";
import { settlePendingConflicts, taskConflicted } from "./decide-rebase.ts";
import { approveTask, ciCompleted, headChanged, taskClosed, taskDequeued, taskFailed, taskMerged, taskPublished } from "./decide-tasks.ts";
import { afterEnd, cancel, issueClosed, publishedAfterStop, taskReopened } from "./decide-stop.ts";
import { withinBudget } from "./budget.ts";
import { modelRefused } from "./decide-model-refused.ts";
import { ignore, isTerminal, type Decision } from "./decision.ts";
import type { EngineEvent } from "./events.ts";
import { noteHeads } from "./note-heads.ts";
import type { WorkflowState } from "./types.ts";

/**
 * The workflow state machine: given the current state (null before the first event) and an
 * event, the next state and the effects to perform. Pure: time comes in as `now`.
 */
export function decide(state: WorkflowState | null, event: EngineEvent, now: number): Decision | null {
  const decision = decideEvent(state, event, now);
  return decision && noteHeads(state, event, withinBudget(settlePendingConflicts(decision), now), now);
}

function decideEvent(state: WorkflowState | null, event: EngineEvent, now: number): Decision | null {
  if (event.type === "start") {
    if (state && !isTerminal(state)) return ignore(state, "workflow already running");
    return start(event, now);
  }
  if (!state) return null;
  if (isTerminal(state)) return afterEnd(state, event);
  if (event.type === "retry") return retry(state, event, now);
  if (event.type === "model_refused") return modelRefused(state, event, now);
  if ("taskId" in event) return decideTask(state, event, now);
  switch (event.type) {
    case "engineer_done":
      return engineerDone(state, event);
    case "reply":
      return reply(state, event);
    case "plan_done":
      return planDone(state, event, now);
    case "plan_failed":
      return planFailed(state, event, now);
    case "agent_failed":
      return agentFailed(state, event, now);
    case "approve_plan":
      return approvePlan(state, event, now);
    case "approve_ready":
      return approveReady(state, event);
    case "replan":
      return replan(state, event);
    case "cancel":
      return cancel(state, event, now);
    case "issue_closed":
      return issueClosed(state, event, now);
  }
}

type TaskEvent = Exclude<Extract<EngineEvent, { taskId: string | null }>, { type: "retry" | "model_refused" }>;

function decideTask(state: WorkflowState, event: TaskEvent, now: number): Decision {
  const task = state.tasks[event.taskId];
  if (!task) return ignore(state, `unknown task ${event.taskId}`);
  switch (event.type) {
    case "task_published":
      return task.status === "cancelled" ? publishedAfterStop(state, task, event) : taskPublished(state, task, event, now);
    case "task_failed":
      return taskFailed(state, task, event);
    case "branch_taken":
      return branchTaken(state, task, event, now);
    case "ci_completed":
      return ciCompleted(state, task, event);
    case "approve_task":
      return approveTask(state, task, event);
    case "head_changed":
      return headChanged(state, task, event, now);
    case "task_merged":
      return taskMerged(state, task, now);
    case "task_dequeued":
      return taskDequeued(state, task, event);
    case "task_closed":
      return taskClosed(state, task, event, now);
    case "task_reopened":
      return taskReopened(state, task, event, now);
    case "debug_done":
      return debugDone(state, task, event, now);
    case "review_done":
      return reviewDone(state, task, event);
    case "review_failed":
      return reviewFailed(state, task, event);
    case "files_amended":
      return filesAmended(state, task, event);
    case "revision_done":
      return revisionDone(state, task, event, now);
    case "human_feedback":
      return humanFeedback(state, task, event);
    case "task_conflicted":
      return taskConflicted(state, task, event);
    case "requirements_changed":
      return requirementsChanged(state, task);
    case "rebase_done":
      return rebaseDone(state, task, event, now);
  }
}
