import { RepoKey } from "../../domain/ids.ts";
import { isRebasable } from "../../domain/task-status.ts";
import type { RepoGitHub } from "../../ports/github.ts";
import { eventJob } from "../../store/job-kinds.ts";
import type { WorkerDeps } from "../deps.ts";
import type { Intake } from "../intake.ts";

/** When the default branch moves, every open task pull request that now conflicts is brought up to date. */
export async function findConflicts(deps: WorkerDeps, github: RepoGitHub, intake: Extract<Intake, { kind: "base_moved" }>): Promise<void> {
  const repo = RepoKey.toString(intake.ref);
  const workflows = deps.store
    .openWorkflows()
    .map((record) => record.state)
    .filter((state) => RepoKey.toString(state.ref) === repo && state.defaultBranch === intake.branch);
  for (const state of workflows) {
    for (const task of Object.values(state.tasks)) {
      if (task.pr === null || !isRebasable(task.status)) continue;
      if ((await github.pullMergeable(task.pr)) !== false) continue;
      deps.store.enqueueJob(eventJob(state.id, { type: "task_conflicted", taskId: task.id, baseSha: intake.sha }));
    }
  }
}
