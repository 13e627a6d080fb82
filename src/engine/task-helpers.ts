import { renderCheckRunOutput, type CheckRunView } from "../render/index.ts";
import type { CheckState, Effect } from "./effects.ts";
import type { TaskRecord, WorkflowState } from "./types.ts";

export const withTask = (state: WorkflowState, task: TaskRecord): WorkflowState => ({
  ...state,
  tasks: { ...state.tasks, [task.id]: task },
});

/** The `Foreman` check on a task's commit, saying what `view` describes. */
export const check = (task: TaskRecord, sha: string, state: CheckState, view: CheckRunView): Effect => ({
  type: "set_check",
  taskId: task.id,
  sha,
  state,
  ...renderCheckRunOutput(view),
});

/** The task's plan title, for messages. */
export function taskTitle(state: WorkflowState, taskId: string): string {
  return state.plan?.tasks.find((task) => task.id === taskId)?.title ?? taskId;
}
