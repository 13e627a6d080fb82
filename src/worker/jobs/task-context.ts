import { TaskWorkKey } from "../../domain/keys.ts";
import type { Edit, EditPolicy } from "../../agents/apply-edits.ts";
import type { TaskRecord, WorkflowState } from "../../engine/types.ts";
import type { Task } from "../../plan/index.ts";
import type { Store } from "../../store/store.ts";

/** What one job needs to know about its task; null when the workflow moved on. */
export interface TaskContext {
  state: WorkflowState;
  task: Task;
  record: TaskRecord;
}

export function loadTask(store: Store, workflowId: string, taskId: string): TaskContext | null {
  const state = store.getWorkflow(workflowId)?.state;
  const task = state?.plan?.tasks.find((candidate) => candidate.id === taskId);
  const record = state?.tasks[taskId];
  return state && task && record ? { state, task, record } : null;
}

export function editPolicy(state: WorkflowState, task: Task): EditPolicy {
  return {
    taskFiles: task.files.map((file) => file.path),
    protectedPaths: state.config.protectedPaths,
    maxChangedLines: state.config.limits.changedLinesPerTask,
  };
}

/** The task's own files and those of the tasks it depends on. */
export function contextPaths(state: WorkflowState, task: Task): string[] {
  const dependencies = task.dependsOn.flatMap(
    (id) => state.plan?.tasks.find((candidate) => candidate.id === id)?.files.map((file) => file.path) ?? [],
  );
  return [...new Set([...task.files.map((file) => file.path), ...dependencies])];
}

/** The scope brief, plus what failed before when this is a fresh attempt. */
export function coderBrief(state: WorkflowState, record: TaskRecord): string {
  const brief = state.brief ?? "";
  return record.retryContext ? `${brief}\n\n## Why this is attempt ${record.attempts}\n${record.retryContext}` : brief;
}

const editsKey = (workflowId: string, taskId: string): string => TaskWorkKey.toString({ workflowId, taskId, work: "edits" });

/** Every edit committed for the task since its last fresh start, oldest first, to re-apply on a new base. */
export function taskEdits(store: Store, workflowId: string, taskId: string): Edit[] {
  return (store.effectResult(editsKey(workflowId, taskId)) as Edit[] | undefined) ?? [];
}

export function recordEdits(store: Store, workflowId: string, taskId: string, edits: Edit[], fresh: boolean): void {
  store.recordEffect(editsKey(workflowId, taskId), [...(fresh ? [] : taskEdits(store, workflowId, taskId)), ...edits]);
}

/**
 * Whether the task is still where the job found it: the workflow runs and the task is in `status`
 * at head `sha`. A job checks this after its model answered and before it writes, so a workflow
 * stopped (or a task moved on) in the meantime gets nothing more from it (G6).
 */
export function stillAt(store: Store, context: TaskContext, status: TaskRecord["status"], sha: string): boolean {
  const now = loadTask(store, context.state.id, context.task.id);
  return now !== null && now.state.phase === "executing" && now.record.status === status && now.record.headSha === sha;
}
