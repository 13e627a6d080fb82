import { filesInUse, type Plan } from "../plan/index.ts";
import { filesTakenBy, taskFileProblems } from "../policy/task-files.ts";
import { escalationReason, filesAmendedNote } from "../render/index.ts";
import { freshAttempt } from "./decide-qa.ts";
import { ignore, type Decision } from "./decision.ts";
import { escalate } from "./escalate.ts";
import type { EngineEvent } from "./events.ts";
import { withTask } from "./task-helpers.ts";
import type { TaskRecord, WorkflowState } from "./types.ts";
import { addUsage } from "./usage.ts";

type Of<T extends EngineEvent["type"]> = Extract<EngineEvent, { type: T }>;
type TaskFiles = Plan["tasks"][number]["files"];

/** What the scheduler sees of each task of the plan: its status, pending until it started. */
function statuses(state: WorkflowState, plan: Plan): Record<string, TaskRecord["status"]> {
  return Object.fromEntries(plan.tasks.map((task) => [task.id, state.tasks[task.id]?.status ?? "pending"]));
}

/** Why the new list cannot be used: the plan's limits and the path policy, then the files of running tasks (the scheduler's rule). */
function refusal(state: WorkflowState, plan: Plan, taskId: string, files: TaskFiles, diagnosis: string): string | null {
  const { filesPerTask } = state.config.limits;
  const problems = taskFileProblems(files, { filesPerTask, protectedPaths: state.config.protectedPaths });
  if (problems.length > 0) return escalationReason.amendRefused(diagnosis, problems);
  const taken = filesTakenBy(files, filesInUse(plan, statuses(state, plan), taskId));
  return taken.length > 0 ? escalationReason.amendConflicts(diagnosis, taken) : null;
}

/**
 * The planner's answer to a `spec_mismatch`: the task's new file list, checked against the limits,
 * the path policy and the files running tasks write. A list that passes replaces the task's in the
 * plan and a fresh attempt starts with the diagnosis; otherwise, or without a list, a human is asked.
 */
export function filesAmended(state: WorkflowState, task: TaskRecord, event: Of<"files_amended">): Decision {
  const plan = state.plan;
  const planned = plan?.tasks.find((candidate) => candidate.id === task.id);
  if (task.status !== "fixing" || event.sha !== task.headSha || !plan || !planned)
    return ignore(state, "new files for a task that is not waiting for them");
  const next = { ...task, usage: addUsage(task.usage, event.usage) };
  const base = { ...withTask(state, next), usage: addUsage(state.usage, event.usage) };
  const { outcome, diagnosis } = event;
  if (outcome.kind === "failed") return escalate(base, next, escalationReason.amendFailed(diagnosis, outcome.reason));
  const refused = refusal(base, plan, task.id, outcome.files, diagnosis);
  if (refused !== null) return escalate(base, next, refused);
  const tasks = plan.tasks.map((candidate) => (candidate.id === task.id ? { ...candidate, files: outcome.files } : candidate));
  const amended = {
    ...base,
    plan: { ...plan, tasks },
    planNotes: [...base.planNotes, filesAmendedNote(task.id, outcome.files, outcome.reason)],
  };
  const listed = outcome.files.map((file) => `${file.action} ${file.path}`).join(", ");
  return freshAttempt(
    amended,
    next,
    `The previous attempt did not meet the specification: ${diagnosis}\nThe planner changed the task's files to: ${listed}.`,
  );
}
