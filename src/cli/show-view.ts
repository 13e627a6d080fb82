import type { TaskRecord, Usage, WorkflowState } from "../engine/types.ts";
import type { JobSummary } from "../store/store.ts";
import { ago, dollars, shortSha, table } from "./format.ts";

/** What `foreman show` prints of one workflow. */
export interface ShowView {
  id: string;
  open: boolean;
  version: number;
  updatedAt: number;
  state: WorkflowState;
  jobs: readonly JobSummary[];
}

function spent(usage: Usage): string {
  const tokens = usage.promptTokens + usage.completionTokens;
  return `${dollars(usage.costUsd)} (${usage.modelCalls} model calls, ${tokens} tokens)`;
}

function heading(view: ShowView, now: number): string[] {
  const { state } = view;
  const finished = state.finishedAt === null ? "" : `, finished ${ago(state.finishedAt, now)}`;
  return [
    `${view.id}  ${state.phase}  (${view.open ? "open" : "finished"}, version ${view.version})`,
    `issue: ${state.issueTitle}`,
    `requested by ${state.requester}; started ${ago(state.startedAt, now)}${finished}; last activity ${ago(view.updatedAt, now)}`,
    `cost: ${spent(state.usage)}`,
    ...(state.failure ? [`note: ${state.failure}`] : []),
  ];
}

/** The plan as a graph: each task after the tasks it depends on, with `←` naming them. */
function planLines(state: WorkflowState): string[] {
  if (!state.plan) return ["plan: none yet"];
  const tasks = state.plan.tasks.map(
    (task) => `  ${task.id}${task.dependsOn.length > 0 ? ` ← ${task.dependsOn.join(", ")}` : ""}: ${task.title}`,
  );
  return [`plan: ${state.plan.summary}`, ...tasks];
}

/** The plan's tasks in its order, each with its record once it started (a task not started yet has none), then any other task. */
function taskRows(state: WorkflowState): string[][] {
  const planned = state.plan?.tasks.map((task) => task.id) ?? [];
  const others = Object.keys(state.tasks).filter((id) => !planned.includes(id));
  return [...planned, ...others].map((id) => {
    const task = state.tasks[id];
    return task ? taskRow(task) : [id, "not started", "-", "-", "-", "0", dollars(0), ""];
  });
}

function taskRow(task: TaskRecord): string[] {
  const approved = task.approvedSha === null ? "-" : `${shortSha(task.approvedSha)} by ${task.approvedBy ?? "?"}`;
  return [
    task.id,
    task.status,
    task.pr === null ? "-" : `#${task.pr}`,
    shortSha(task.headSha),
    approved,
    String(task.attempts),
    dollars(task.usage.costUsd),
    task.failure ?? task.awaiting ?? "",
  ];
}

function jobRow(job: JobSummary, now: number): string[] {
  const when = job.state === "ready" ? `due ${ago(job.runAt, now)}` : "";
  return [`#${job.id}`, job.kind, job.key, job.state, String(job.attempts), when, job.lastError ?? ""];
}

/** A workflow in full: its heading, its plan's graph, its tasks with their pull requests, heads and state, and its jobs. */
export function renderShow(view: ShowView, now: number, width?: number): string {
  const tasks = taskRows(view.state);
  const taskTable = table(["TASK", "STATUS", "PR", "HEAD", "APPROVED", "ATTEMPTS", "COST", "NOTE"], tasks, width);
  const jobTable = table(
    ["JOB", "KIND", "KEY", "STATE", "ATTEMPTS", "WHEN", "LAST ERROR"],
    view.jobs.map((job) => jobRow(job, now)),
    width,
  );
  return [
    ...heading(view, now),
    "",
    ...planLines(view.state),
    "",
    ...(tasks.length > 0 ? taskTable : ["tasks: none yet"]),
    "",
    ...(view.jobs.length > 0 ? jobTable : ["jobs: none"]),
  ].join("\n");
}
