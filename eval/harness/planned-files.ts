/** The files a run's plan assigned to its tasks, read from the planner's last answer that holds a plan. */
import type { ModelCall } from "./model-calls.ts";

interface PlanAnswer {
  tasks?: { files?: { path?: unknown }[] }[];
}

function filesOf(answer: string): string[] | null {
  try {
    const plan = JSON.parse(answer) as PlanAnswer;
    if (!Array.isArray(plan.tasks)) return null;
    return plan.tasks.flatMap((task) => (task.files ?? []).flatMap((file) => (typeof file.path === "string" ? [file.path] : [])));
  } catch {
    return null;
  }
}

export function plannedFiles(calls: readonly ModelCall[]): string[] {
  const plans = calls.filter((call) => call.role === "planner" && call.answer !== null).map((call) => filesOf(call.answer ?? ""));
  const last = plans.filter((files): files is string[] => files !== null).at(-1) ?? [];
  return [...new Set(last)].sort();
}
