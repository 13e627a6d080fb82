export { Plan, Task, TaskFile, TaskId, FileAction, Risk, TASK_ID_PATTERN } from "./plan.ts";
export type { PlanProblem, PlanProblemCode, PlanLimits } from "./plan-problem.ts";
export type { PlanValidation } from "./validate-plan.ts";
export { validatePlan } from "./validate-plan.ts";
export { readyTasks } from "./ready-tasks.ts";
export { PlanCycleError, topologicalOrder, dependents, transitiveDependents } from "./graph.ts";
export { unsafePathReason } from "./safe-path.ts";
