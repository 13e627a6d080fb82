import type { WorkflowState } from "../../../src/engine/types.ts";
import type { WorkflowSummary } from "../../../src/cli/workflow-summary.ts";
import { executing, NOW, planOf, published, red, run } from "../engine/engine-fixtures.ts";

export { NOW };

/** A workflow executing two tasks, `mean` (published, CI red) and `median` (waiting for it). */
export function twoTaskWorkflow(): WorkflowState {
  const started = executing(planOf({ id: "mean" }, { id: "median", dependsOn: ["mean"] })).state;
  return run(started, [published("mean", 12), red("mean")]).state;
}

export function summary(overrides: Partial<WorkflowSummary> = {}): WorkflowSummary {
  return {
    id: "acme/calculator#7",
    repo: "acme/calculator",
    title: "Add subtraction",
    phase: "executing",
    open: true,
    tasksMerged: 1,
    tasksTotal: 2,
    costUsd: 0.75,
    lastActivity: NOW - 5_000,
    problem: null,
    ...overrides,
  };
}
