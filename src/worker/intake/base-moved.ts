import { RepoKey, TaskKey } from "../../domain/ids.ts";
import { isRunning } from "../../domain/task-status.ts";
import type { RepoGitHub } from "../../ports/github.ts";
import { eventJob, intakeJob } from "../../store/job-kinds.ts";
import type { WorkerDeps } from "../deps.ts";
import type { Intake } from "../intake.ts";

type BaseMoved = Extract<Intake, { kind: "base_moved" }>;

/** How many times Foreman looks again at a pull request whose mergeability GitHub is still computing, and how long it waits first. */
export const MERGEABILITY_RECHECKS = 5;
const recheckDelayMs = (attempt: number): number => 1_000 * 2 ** attempt;

/** The open task pull requests of workflows on this repository and base branch: in any running status (G4), busy or not. */
function openTasks(deps: WorkerDeps, intake: BaseMoved): Array<{ workflowId: string; taskId: string; pr: number }> {
  const repo = RepoKey.toString(intake.ref);
  return deps.store
    .openWorkflows()
    .map((record) => record.state)
    .filter((state) => RepoKey.toString(state.ref) === repo && state.defaultBranch === intake.branch)
    .flatMap((state) =>
      Object.values(state.tasks).flatMap((task) =>
        task.pr !== null && isRunning(task.status) ? [{ workflowId: state.id, taskId: task.id, pr: task.pr }] : [],
      ),
    );
}

/**
 * Looks again later at the pull requests whose `mergeable` was still null (unknown, being
 * computed), a bounded number of times, under a key of its own so that no other job waits for it.
 */
function recheckLater(deps: WorkerDeps, intake: BaseMoved, tasks: string[]): void {
  const attempt = (intake.recheck?.attempt ?? 0) + 1;
  if (attempt > MERGEABILITY_RECHECKS) {
    deps.log.warn(
      { tasks, sha: intake.sha },
      "GitHub did not say whether these pull requests conflict with the moved base; the merge will tell",
    );
    return;
  }
  const key = `${RepoKey.toString(intake.ref)}:mergeability:${intake.sha}:${attempt}`;
  deps.store.enqueueJob({ ...intakeJob(key, { ...intake, recheck: { attempt, tasks } }), runAt: deps.now() + recheckDelayMs(attempt) });
}

/**
 * G4: when the default branch moves, every open task pull request (in whatever status its task is)
 * is asked whether it now conflicts. A conflict goes to its workflow as `task_conflicted` (the
 * engine brings the branch up to date now, or when the task's step ends); `mergeable: null` means
 * GitHub has not computed it yet, so Foreman looks again a little later.
 */
export async function findConflicts(deps: WorkerDeps, github: RepoGitHub, intake: BaseMoved): Promise<void> {
  const unknown: string[] = [];
  for (const task of openTasks(deps, intake)) {
    const key = TaskKey.toString(task);
    if (intake.recheck && !intake.recheck.tasks.includes(key)) continue;
    const mergeable = await github.pullMergeable(task.pr);
    if (mergeable === false)
      deps.store.enqueueJob(eventJob(task.workflowId, { type: "task_conflicted", taskId: task.taskId, baseSha: intake.sha }));
    if (mergeable === null) unknown.push(key);
  }
  if (unknown.length > 0) recheckLater(deps, intake, unknown);
}
