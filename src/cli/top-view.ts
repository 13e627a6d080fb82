import type { TaskRecord } from "../engine/types.ts";
import type { QueuedJob } from "../store/sqlite/operator-queries.ts";
import { fit, table, until } from "./format.ts";
import { workflowRows } from "./list.ts";
import type { WorkflowSummary } from "./workflow-summary.ts";

/** What one frame of `foreman top` shows, read from the database at one moment. */
export interface TopSnapshot {
  database: string;
  workflows: readonly WorkflowSummary[];
  /** The tasks of each open workflow, by its id. */
  tasks: ReadonlyMap<string, readonly TaskRecord[]>;
  queue: readonly QueuedJob[];
  /** Every job by state: ready, leased, done, failed, cancelled. */
  jobStates: Readonly<Record<string, number>>;
}

export interface Screen {
  width: number;
  height: number;
  now: number;
}

/** Finished workflows shown below the open ones: the most recent few. */
const RECENT_FINISHED = 5;

function summaryLine(snapshot: TopSnapshot): string {
  const open = snapshot.workflows.filter((workflow) => workflow.open).length;
  const states = snapshot.jobStates;
  const count = (state: string): number => states[state] ?? 0;
  return `workflows: ${open} open, ${snapshot.workflows.length - open} finished   jobs: ${count("ready")} queued, ${count("leased")} running, ${count("done")} done, ${count("failed")} failed`;
}

function taskLine(task: TaskRecord): string {
  const pr = task.pr === null ? "" : ` #${task.pr}`;
  return `    ${task.id}: ${task.status}${pr}${task.headSha ? ` @${task.headSha.slice(0, 7)}` : ""}`;
}

function workflowLines(snapshot: TopSnapshot, screen: Screen): string[] {
  const open = snapshot.workflows.filter((workflow) => workflow.open);
  const finished = snapshot.workflows.filter((workflow) => !workflow.open).slice(0, RECENT_FINISHED);
  const shown = [...open, ...finished];
  if (shown.length === 0) return ["No workflows yet."];
  const [header = "", ...rows] = table(["WORKFLOW", "PHASE", "TASKS", "COST", "ACTIVITY", "TITLE"], workflowRows(shown, screen.now));
  return [header, ...shown.flatMap((workflow, index) => [rows[index] ?? "", ...(snapshot.tasks.get(workflow.id) ?? []).map(taskLine)])];
}

function queueLines(snapshot: TopSnapshot, now: number): string[] {
  if (snapshot.queue.length === 0) return ["The job queue is empty."];
  const rows = snapshot.queue.map((job) => [
    `#${job.id}`,
    job.kind,
    job.key,
    job.state === "leased" ? "running" : "queued",
    String(job.attempts),
    job.state === "leased" ? `lease ${until(job.leaseExpiresAt ?? now, now)}` : until(job.runAt, now),
    job.lastError ?? "",
  ]);
  return table(["JOB", "KIND", "KEY", "STATE", "ATTEMPTS", "WHEN", "LAST ERROR"], rows);
}

/**
 * One frame: a title, the counts, the open workflows with their tasks (and the last few finished),
 * then the job queue; every line cut to the screen's width and the frame to its height.
 */
export function renderTop(snapshot: TopSnapshot, screen: Screen): string[] {
  const title = `foreman top — ${snapshot.database} — ${new Date(screen.now).toISOString().slice(0, 19).replace("T", " ")} UTC   (q to quit)`;
  const lines = [
    title,
    summaryLine(snapshot),
    "",
    ...workflowLines(snapshot, screen),
    "",
    `QUEUE (${snapshot.queue.length} shown)`,
    ...queueLines(snapshot, screen.now),
  ];
  return lines.slice(0, Math.max(screen.height, 1)).map((line) => fit(line, screen.width));
}
