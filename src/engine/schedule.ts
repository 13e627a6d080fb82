import { readyTasks } from "../plan/index.ts";
import { formatTaskBranch } from "../render/index.ts";
import type { Decision } from "./decision.ts";
import type { Effect } from "./effects.ts";
import type { TaskRecord, WorkflowState } from "./types.ts";
import { NO_USAGE } from "./usage.ts";

function newTask(state: WorkflowState, id: string, now: number): TaskRecord {
  return {
    id,
    status: "coding",
    branch: formatTaskBranch(state.issue, id),
    pr: null,
    prNodeId: null,
    headSha: null,
    headSeenAt: null,
    approvedSha: null,
    approvedBy: null,
    approvedPermission: null,
    approvedWithPlan: false,
    headKnownAt: null,
    humanCommits: false,
    risk: state.plan?.tasks.find((task) => task.id === id)?.risk ?? "low",
    riskReasons: [],
    attempts: 1,
    failure: null,
    startedAt: now,
    mergedAt: null,
    fixAttempts: 0,
    classifications: [],
    diagnoses: [],
    lastSignature: null,
    rerunSha: null,
    ciResult: null,
    lastError: null,
    reviewRounds: 0,
    reviewedSha: null,
    reviewVerdict: null,
    findingSignatures: [],
    ownCommits: [],
    retryContext: null,
    pendingBase: null,
    awaiting: null,
    usage: NO_USAGE,
  };
}

function taskStatuses(state: WorkflowState): Record<string, TaskRecord["status"]> {
  const plan = state.plan;
  if (!plan) return {};
  return Object.fromEntries(plan.tasks.map((task) => [task.id, state.tasks[task.id]?.status ?? "pending"]));
}

/** Starts every task whose dependencies are merged, up to the parallel limit; completes the workflow when all merged. */
export function startReadyTasks(state: WorkflowState, now: number): Decision {
  const plan = state.plan;
  if (!plan) return { state, effects: [{ type: "update_status" }] };
  const statuses = taskStatuses(state);
  if (plan.tasks.every((task) => statuses[task.id] === "merged")) return complete(state, now);
  const ids = readyTasks(plan, statuses, state.config.maxParallelTasks);
  const tasks = { ...state.tasks };
  for (const id of ids) tasks[id] = newTask(state, id, now);
  const effects: Effect[] = [{ type: "update_status" }, ...ids.map((taskId) => ({ type: "start_task" as const, taskId }))];
  return { state: { ...state, tasks }, effects };
}

function complete(state: WorkflowState, now: number): Decision {
  const next = { ...state, phase: "completed" as const, finishedAt: now };
  const effects: Effect[] = [{ type: "update_status" }];
  if (state.config.merge.closeIssue) effects.push({ type: "close_issue" });
  return { state: next, effects };
}
