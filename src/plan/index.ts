export { Plan, PlanAnswer, Task, Risk } from "./plan.ts";
export type { PlanLimits } from "./plan-problem.ts";
export { validatePlan } from "./validate-plan.ts";
export { filesInUse, readyTasks } from "./ready-tasks.ts";
export { unsafePathReason } from "./safe-path.ts";
