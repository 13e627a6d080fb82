import { UnreadableStateError } from "../../engine/stored-state.ts";
import type { StoreOverview, WorkflowStamp } from "../../store/overview.ts";
import type { Store } from "../../store/store.ts";
import type { OverviewView, WorkflowLine } from "./render-overview.ts";
import type { WorkflowView } from "./render-workflow.ts";

/** Closed workflows the overview lists besides every open one. */
const RECENT_CLOSED = 50;
const RECENT_FAILURES = 25;

export interface DashboardData {
  store: Pick<Store, "getWorkflow" | "jobsFor">;
  overview: StoreOverview;
  now: () => number;
  webUrl: string;
}

function line(data: DashboardData, stamp: WorkflowStamp): WorkflowLine {
  try {
    const state = data.store.getWorkflow(stamp.id)?.state;
    if (!state) return { ...stamp, summary: null };
    const tasks = Object.values(state.tasks);
    return {
      ...stamp,
      summary: {
        title: state.issueTitle,
        phase: state.phase,
        tasks: tasks.length,
        tasksMerged: tasks.filter((task) => task.status === "merged").length,
        costUsd: state.usage.costUsd,
        tokens: state.usage.promptTokens + state.usage.completionTokens,
      },
    };
  } catch (error) {
    if (error instanceof UnreadableStateError) return { ...stamp, summary: null };
    throw error;
  }
}

export function loadOverview(data: DashboardData): OverviewView {
  const now = data.now();
  return {
    now,
    workflows: data.overview.recentWorkflows(RECENT_CLOSED).map((stamp) => line(data, stamp)),
    queue: data.overview.queue(now),
    failures: data.overview.recentFailures(RECENT_FAILURES),
  };
}

/** One workflow with its jobs, or null when there is none by that id (an unreadable one throws `UnreadableStateError`). */
export function loadWorkflow(data: DashboardData, id: string): WorkflowView | null {
  const record = data.store.getWorkflow(id);
  if (!record) return null;
  return { state: record.state, open: record.open, jobs: data.store.jobsFor(id), webUrl: data.webUrl };
}
