import type { Decision } from "./decision.ts";
import type { EngineEvent } from "./events.ts";
import type { TaskRecord, WorkflowState } from "./types.ts";

/** Someone else's commit is on the task's branch by this event, though it may not head the branch in the state (no pull request yet). */
function reportsHumanCommit(event: EngineEvent, taskId: string): boolean {
  if (!("taskId" in event) || event.taskId !== taskId) return false;
  return event.type === "branch_taken" || (event.type === "rebase_done" && event.outcome.kind === "human_commits");
}

function noted(before: TaskRecord | undefined, task: TaskRecord, event: EngineEvent, now: number): TaskRecord {
  const head = task.headSha;
  const moved = head !== null && head !== (before?.headSha ?? null);
  const human = (moved && !task.ownCommits.includes(head)) || reportsHumanCommit(event, task.id);
  if (!moved) return human && !task.humanCommits ? { ...task, humanCommits: true } : task;
  return { ...task, headKnownAt: now, humanCommits: task.humanCommits || human, awaiting: null };
}

/**
 * After every decision, for each task whose head moved: when Foreman learned of the new head
 * (`headKnownAt`), whether someone else has pushed to its branch (`humanCommits`: a head Foreman
 * did not make, or a job that found another person's commit), and that what the base branch's
 * rules wanted belonged to the old head (`awaiting`, cleared). Kept in one place, so that every way
 * a head can move is counted.
 */
export function noteHeads(before: WorkflowState | null, event: EngineEvent, decision: Decision, now: number): Decision {
  if (decision.ignored !== undefined) return decision;
  let state: WorkflowState = decision.state;
  for (const task of Object.values(decision.state.tasks)) {
    const next = noted(before?.tasks[task.id], task, event, now);
    if (next !== task) state = { ...state, tasks: { ...state.tasks, [task.id]: next } };
  }
  return state === decision.state ? decision : { ...decision, state };
}
