import { applyEdits } from "../../agents/apply-edits.ts";
import { runCoder } from "../../agents/coder.ts";
import type { EngineEvent } from "../../engine/events.ts";
import { NO_USAGE } from "../../engine/usage.ts";
import type { FileChange, RepoGitHub } from "../../ports/github.ts";
import { renderCommitMessage } from "../../render/index.ts";
import { TaskWorkKey } from "../../domain/keys.ts";
import type { RebaseJob } from "../../store/job-kinds.ts";
import type { WorkerDeps } from "../deps.ts";
import { unlessBranchMoved } from "./branch-moved.ts";
import { reportOnce } from "./recorded.ts";
import { coderBrief, contextPaths, editPolicy, loadTask, recordEdits, taskEdits, type TaskContext } from "./task-context.ts";

async function rebase(deps: WorkerDeps, github: RepoGitHub, context: TaskContext): Promise<EngineEvent> {
  const { state, task, record } = context;
  const report = (outcome: Extract<EngineEvent, { type: "rebase_done" }>["outcome"], usage = NO_USAGE): EngineEvent => ({
    type: "rebase_done",
    taskId: task.id,
    outcome,
    usage,
  });
  const head = await github.branchHead(record.branch);
  if (head !== null && !record.ownCommits.includes(head)) return report({ kind: "human_commits" });
  const base = (await github.repository()).headSha;
  const files = await github.readFiles(
    base,
    task.files.map((file) => file.path),
  );
  const reapplied = applyEdits(taskEdits(deps.store, state.id, task.id), files, editPolicy(state, task));
  const message = renderCommitMessage({ kind: "rebase", issue: state.issue, title: task.title, base });
  const push = (changes: FileChange[], how: "reapplied" | "recoded", usage = NO_USAGE): Promise<EngineEvent> =>
    unlessBranchMoved(
      async () => {
        const commit = await github.commitOnBranch({
          branch: record.branch,
          expectedHead: head,
          baseSha: base,
          message,
          changes,
        });
        return report({ kind: "committed", commitSha: commit.sha, how }, usage);
      },
      () => report({ kind: "human_commits" }, usage),
    );
  if (reapplied.ok) return push(reapplied.changes, "reapplied");
  const result = await runCoder(deps.model, {
    model: deps.modelFor("coder", state.config),
    repository: `${state.ref.owner}/${state.ref.repo}`,
    task,
    brief: `${coderBrief(state, record)}\n\nThe base branch moved and the task's earlier edits no longer apply; implement the task again on the current files.`,
    tree: await github.listFiles(base),
    files: await github.readFiles(base, contextPaths(state, task)),
    policy: editPolicy(state, task),
  });
  if (!result.ok) return report({ kind: "failed", reason: result.problems.join("; ") }, result.usage);
  const event = await push(result.value.changes, "recoded", result.usage);
  if (event.type === "rebase_done" && event.outcome.kind === "committed")
    recordEdits(deps.store, state.id, task.id, result.value.edits, true);
  return event;
}

/**
 * Brings a conflicting task branch up to date: the task's recorded edits re-applied on the new
 * base in one commit, or the coder again when they no longer apply. A branch with someone
 * else's commits is never rewritten.
 */
export async function runRebaseJob(deps: WorkerDeps, job: RebaseJob): Promise<void> {
  const context = loadTask(deps.store, job.workflowId, job.taskId);
  if (!context || context.record.status !== "rebasing") return;
  const key = TaskWorkKey.toString({ ...job, sha: job.headSha, work: "rebase" });
  await reportOnce(deps, job.workflowId, key, async () => rebase(deps, await deps.github.forRepo(context.state.ref), context));
}
