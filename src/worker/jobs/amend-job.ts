import { AmendedFiles, runAmendFiles } from "../../agents/amend-files.ts";
import { TaskWorkKey } from "../../domain/keys.ts";
import type { EngineEvent } from "../../engine/events.ts";
import { filesInUse } from "../../plan/index.ts";
import type { RepoGitHub } from "../../ports/github.ts";
import type { AmendJob } from "../../store/job-kinds.ts";
import type { WorkerDeps } from "../deps.ts";
import { answerOnce, recordedResult, reportOnce } from "./recorded.ts";
import { loadTask, type TaskContext } from "./task-context.ts";
import { orRefused } from "../model-refusal.ts";

/** What the planner sees of the other tasks: the files each running one writes. */
function othersInUse(context: TaskContext): Map<string, string> {
  const { state } = context;
  const plan = state.plan ?? { tasks: [] };
  const statuses = Object.fromEntries(plan.tasks.map((task) => [task.id, state.tasks[task.id]?.status ?? "pending"]));
  return filesInUse(plan, statuses, context.task.id);
}

async function amend(deps: WorkerDeps, github: RepoGitHub, context: TaskContext, job: AmendJob, key: string): Promise<EngineEvent> {
  const { state, task } = context;
  const tree = await github.listFiles(job.sha);
  // G5: the answer is recorded before the workflow acts on it; the engine checks the list again when it does.
  const result = await answerOnce(deps, `${key}:answer`, recordedResult(AmendedFiles), () =>
    runAmendFiles(deps.model, {
      model: deps.modelFor("planner", state.config),
      repository: `${state.ref.owner}/${state.ref.repo}`,
      brief: state.brief ?? "",
      plan: state.plan ?? { summary: "", tasks: [task] },
      task,
      diagnosis: job.diagnosis,
      tree,
      inUse: othersInUse(context),
      rules: { filesPerTask: state.config.limits.filesPerTask, protectedPaths: state.config.protectedPaths },
    }),
  );
  const outcome = result.ok
    ? { kind: "amended" as const, files: result.value.files, reason: result.value.reason }
    : { kind: "failed" as const, reason: result.problems.join("; ") };
  return { type: "files_amended", taskId: task.id, sha: job.sha, diagnosis: job.diagnosis, outcome, usage: result.usage };
}

/** Asks the planner for the new file list of a task the debugger found cannot pass as specified, and reports it. */
export async function runAmendJob(deps: WorkerDeps, job: AmendJob): Promise<void> {
  const context = loadTask(deps.store, job.workflowId, job.taskId);
  if (!context || context.record.status !== "fixing" || context.record.headSha !== job.sha) return;
  const key = TaskWorkKey.toString({ workflowId: job.workflowId, taskId: job.taskId, work: "amend", sha: job.sha });
  await reportOnce(deps, job.workflowId, key, () =>
    orRefused(deps, { role: "planner", taskId: job.taskId }, async () =>
      amend(deps, await deps.github.forRepo(context.state.ref), context, job, key),
    ),
  );
}
