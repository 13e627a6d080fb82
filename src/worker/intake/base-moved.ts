import { isRebasable } from "../../domain/task-status.ts";
import type { WorkflowState } from "../../engine/types.ts";
import type { RepoGitHub } from "../../ports/github.ts";
import type { WorkerDeps } from "../deps.ts";
import type { Intake } from "../intake.ts";

/** When the default branch moves, every open task pull request that now conflicts is brought up to date. */
export async function findConflicts(deps: WorkerDeps, github: RepoGitHub, intake: Extract<Intake, { kind: "base_moved" }>): Promise<void> {
  const repo = `${intake.ref.owner}/${intake.ref.repo}`.toLowerCase();
  const workflows = deps.store
    .openWorkflows<WorkflowState>()
    .map((record) => record.state)
    .filter((state) => `${state.ref.owner}/${state.ref.repo}`.toLowerCase() === repo && state.defaultBranch === intake.branch);
  for (const state of workflows) {
    for (const task of Object.values(state.tasks)) {
      if (task.pr === null || !isRebasable(task.status)) continue;
      if ((await github.pullMergeable(task.pr)) !== false) continue;
      deps.store.enqueueJob({ kind: "event", key: state.id, payload: { workflowId: state.id, event: { type: "task_conflicted", taskId: task.id, baseSha: intake.sha } } });
    }
  }
}
