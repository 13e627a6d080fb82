import { WorkflowId, RepoKey } from "../domain/ids.ts";
import { WorkflowState } from "../engine/types.ts";
import type { WorkflowListing } from "../store/sqlite/operator-queries.ts";

export type Phase = WorkflowState["phase"];

/** Every phase a workflow can be in, for `--phase`. */
export const PHASES: readonly Phase[] = WorkflowState.shape.phase.options;

/** A workflow in one line's worth of facts: where it stands, how far its tasks got, what it cost and when it last moved. */
export interface WorkflowSummary {
  id: string;
  /** `owner/repo`, lower-case. */
  repo: string;
  title: string;
  /** null when the stored state cannot be read (`problem` says why). */
  phase: Phase | null;
  open: boolean;
  tasksMerged: number;
  tasksTotal: number;
  costUsd: number;
  lastActivity: number;
  problem: string | null;
}

function repoOf(id: string): string {
  const parts = WorkflowId.parse(id);
  return parts ? RepoKey.toString(parts) : id;
}

export function summarize(listing: WorkflowListing): WorkflowSummary {
  const { state } = listing;
  const tasks = state ? Object.values(state.tasks) : [];
  return {
    id: listing.id,
    repo: repoOf(listing.id),
    title: state?.issueTitle ?? "",
    phase: state?.phase ?? null,
    open: listing.open,
    tasksMerged: tasks.filter((task) => task.status === "merged").length,
    tasksTotal: state?.plan?.tasks.length ?? tasks.length,
    costUsd: state?.usage.costUsd ?? 0,
    lastActivity: listing.updatedAt,
    problem: listing.problem,
  };
}
