import type { Effect } from "./effects.ts";
import type { TaskRecord, WorkflowState } from "./types.ts";

export const withTask = (state: WorkflowState, task: TaskRecord): WorkflowState => ({
  ...state,
  tasks: { ...state.tasks, [task.id]: task },
});

export const check = (task: TaskRecord, sha: string, state: Extract<Effect, { type: "set_check" }>["state"], title: string, summary: string): Effect => ({
  type: "set_check",
  taskId: task.id,
  sha,
  state,
  title,
  summary,
});

/** The task's plan title, for messages. */
export function taskTitle(state: WorkflowState, taskId: string): string {
  return state.plan?.tasks.find((task) => task.id === taskId)?.title ?? taskId;
}
