import { runCoder } from "../agents/coder.ts";
import type { EngineEvent } from "../engine/events.ts";
import type { WorkflowState } from "../engine/types.ts";
import type { Task } from "../plan/index.ts";
import type { RepoGitHub } from "../ports/github.ts";
import { renderPullRequestBody } from "../render/index.ts";
import type { WorkerDeps } from "./deps.ts";

export interface TaskJob {
  workflowId: string;
  taskId: string;
  attempt: number;
}

async function codeTask(deps: WorkerDeps, github: RepoGitHub, state: WorkflowState, task: Task, attempt: number): Promise<EngineEvent> {
  const repository = await github.repository();
  const base = repository.headSha;
  const tree = await github.listFiles(base);
  const paths = [...new Set([...task.files.map((file) => file.path), ...task.dependsOn.flatMap((id) => state.plan?.tasks.find((t) => t.id === id)?.files.map((f) => f.path) ?? [])])];
  const files = await github.readFiles(base, paths);
  const result = await runCoder(deps.model, {
    model: deps.modelFor("coder", state.config),
    repository: `${state.ref.owner}/${state.ref.repo}`,
    task,
    brief: state.brief ?? "",
    tree,
    files,
    policy: {
      taskFiles: task.files.map((file) => file.path),
      protectedPaths: state.config.protectedPaths,
      maxChangedLines: state.config.limits.changedLinesPerTask,
    },
  });
  if (!result.ok) {
    const reason = `Task \`${task.id}\` could not be coded: the coder's edits were refused twice.\n${result.problems.map((p) => `- ${p}`).join("\n")}`;
    return { type: "task_failed", taskId: task.id, reason, usage: result.usage };
  }
  const branch = state.tasks[task.id]?.branch ?? "";
  const message = `${task.title}\n\n${result.value.summary}\n\nPart of #${state.issue}.`;
  const commit = await github.commitFiles({ branch, baseSha: base, message, changes: result.value.changes });
  const pull = await github.ensurePullRequest({
    head: branch,
    base: repository.defaultBranch,
    title: `[#${state.issue}] ${task.title}`,
    body: renderPullRequestBody({ issue: state.issue, task, attempt }),
  });
  return { type: "task_published", taskId: task.id, pr: pull.number, prNodeId: pull.nodeId, headSha: commit.sha, usage: result.usage };
}

/** Codes one task in its own job (so tasks run in parallel) and reports back to the workflow. */
export async function runTaskJob(deps: WorkerDeps, job: TaskJob): Promise<void> {
  const state = deps.store.getWorkflow<WorkflowState>(job.workflowId)?.state;
  const task = state?.plan?.tasks.find((candidate) => candidate.id === job.taskId);
  if (!state || !task || state.tasks[job.taskId]?.status !== "coding") return;
  const key = `${job.workflowId}/${job.taskId}#${job.attempt}:code`;
  const recorded = deps.store.effectResult(key) as EngineEvent | undefined;
  const event = recorded ?? (await codeTask(deps, await deps.github.forRepo(state.ref), state, task, job.attempt));
  if (!recorded) deps.store.recordEffect(key, event);
  deps.store.enqueueJob({ kind: "event", key: job.workflowId, payload: { workflowId: job.workflowId, event } });
}
