import type { Plan } from "./plan.ts";
import { isRunning } from "../domain/task-status.ts";
import type { TaskStatus } from "../domain/task-status.ts";

/**
 * The files running tasks own, each with the task that owns it: no other task may write them until
 * that task is finished. `except` leaves one task out (the one whose files are checked).
 */
export function filesInUse(
  plan: Pick<Plan, "tasks">,
  statuses: Readonly<Record<string, TaskStatus>>,
  except?: string,
): Map<string, string> {
  const owners = new Map<string, string>();
  for (const task of plan.tasks) {
    if (task.id === except || !isRunning(statuses[task.id] ?? "pending")) continue;
    for (const file of task.files) if (!owners.has(file.path)) owners.set(file.path, task.id);
  }
  return owners;
}

/**
 * The tasks to start now, in plan order: not started yet, every dependency merged,
 * no file shared with a running task or with another task started now, and no more
 * than `maxParallel` running in all. A task missing from `statuses` is pending.
 */
export function readyTasks(plan: Pick<Plan, "tasks">, statuses: Readonly<Record<string, TaskStatus>>, maxParallel: number): string[] {
  const statusOf = (id: string): TaskStatus => statuses[id] ?? "pending";
  const running = plan.tasks.filter((task) => isRunning(statusOf(task.id)));
  const busyFiles = new Set(filesInUse(plan, statuses).keys());
  const started = new Set<string>();
  const chosen: string[] = [];
  for (const task of plan.tasks) {
    if (running.length + chosen.length >= maxParallel) break;
    if (statusOf(task.id) !== "pending" || started.has(task.id)) continue;
    started.add(task.id);
    if (!task.dependsOn.every((dependency) => statusOf(dependency) === "merged")) continue;
    if (task.files.some((file) => busyFiles.has(file.path))) continue;
    chosen.push(task.id);
    for (const file of task.files) busyFiles.add(file.path);
  }
  return chosen;
}
