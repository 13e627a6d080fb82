import { serialiseFileConflicts } from "./file-conflicts.ts";
import { dependencyMap, findCycle } from "./graph.ts";
import type { Plan, Task } from "./plan.ts";
import type { PlanLimits, PlanProblem } from "./plan-problem.ts";
import { unsafePathReason } from "./safe-path.ts";

export type PlanValidation = { ok: true; plan: Plan; notes: string[] } | { ok: false; problems: PlanProblem[] };

/**
 * Checks a parsed plan against the rules the scheduler relies on and reports every
 * problem at once. A valid plan comes back with edges added between tasks that write
 * the same file, each explained in `notes`.
 */
export function validatePlan(plan: Plan, limits: PlanLimits): PlanValidation {
  const problems = [...countProblems(plan, limits), ...idProblems(plan), ...plan.tasks.flatMap(fileProblems)];
  const cycle = problems.some((problem) => problem.code === "duplicate_id") ? undefined : findCycle(edgesWithoutSelf(plan));
  if (cycle) problems.push({ code: "cycle", message: `The tasks depend on each other in a cycle: ${cycle.join(" -> ")}.`, cycle });
  const depth = cycle || problems.some((problem) => problem.code === "duplicate_id") ? 0 : planDepth(plan);
  if (limits.planDepth !== undefined && depth > limits.planDepth) {
    problems.push({
      code: "too_deep",
      message: `The longest chain of dependent tasks is ${depth} long; at most ${limits.planDepth} are allowed.`,
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  const serialised = serialiseFileConflicts(plan);
  return { ok: true, plan: serialised.plan, notes: serialised.notes };
}

/** The number of tasks on the longest dependency chain (the plan has no cycle). */
function planDepth(plan: Plan): number {
  const edges = dependencyMap(plan);
  const memo = new Map<string, number>();
  const depthOf = (id: string): number => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    memo.set(id, 1);
    const depth = 1 + Math.max(0, ...(edges.get(id) ?? []).filter((dep) => dep !== id).map(depthOf));
    memo.set(id, depth);
    return depth;
  };
  return Math.max(0, ...plan.tasks.map((task) => depthOf(task.id)));
}

/** Self-dependencies are reported on their own, not as a cycle of one. */
function edgesWithoutSelf(plan: Plan): Map<string, string[]> {
  return new Map([...dependencyMap(plan)].map(([id, deps]) => [id, deps.filter((dependency) => dependency !== id)]));
}

function countProblems(plan: Plan, limits: PlanLimits): PlanProblem[] {
  const problems: PlanProblem[] = [];
  if (plan.tasks.length > limits.tasksPerPlan) {
    problems.push({
      code: "too_many_tasks",
      message: `The plan has ${plan.tasks.length} tasks; at most ${limits.tasksPerPlan} are allowed.`,
    });
  }
  for (const task of plan.tasks) {
    if (task.files.length > limits.filesPerTask) {
      const message = `Task "${task.id}" names ${task.files.length} files; at most ${limits.filesPerTask} are allowed.`;
      problems.push({ code: "too_many_files", taskId: task.id, message });
    }
  }
  return problems;
}

function idProblems(plan: Plan): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const ids = new Set<string>();
  for (const task of plan.tasks) {
    if (ids.has(task.id)) problems.push({ code: "duplicate_id", taskId: task.id, message: `More than one task has the id "${task.id}".` });
    ids.add(task.id);
  }
  for (const task of plan.tasks) problems.push(...dependencyProblems(task, ids));
  return problems;
}

function dependencyProblems(task: Task, ids: ReadonlySet<string>): PlanProblem[] {
  return task.dependsOn.flatMap((dependency): PlanProblem[] => {
    if (dependency === task.id) return [{ code: "self_dependency", taskId: task.id, message: `Task "${task.id}" depends on itself.` }];
    if (!ids.has(dependency)) {
      const message = `Task "${task.id}" depends on "${dependency}", which is not a task of this plan.`;
      return [{ code: "unknown_dependency", taskId: task.id, message }];
    }
    return [];
  });
}

function fileProblems(task: Task): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const seen = new Set<string>();
  for (const file of task.files) {
    const reason = unsafePathReason(file.path);
    if (reason) {
      const advice = "use a relative path inside the repository, with / between folders";
      problems.push({
        code: "unsafe_path",
        taskId: task.id,
        message: `Task "${task.id}" names the path ${JSON.stringify(file.path)}, which ${reason}; ${advice}.`,
      });
    }
    if (seen.has(file.path)) {
      problems.push({
        code: "duplicate_file",
        taskId: task.id,
        message: `Task "${task.id}" names the file "${file.path}" more than once.`,
      });
    }
    seen.add(file.path);
  }
  return problems;
}
