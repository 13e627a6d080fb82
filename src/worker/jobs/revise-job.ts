import { runCoder } from "../../agents/coder.ts";
import type { EngineEvent, ReplyTarget } from "../../engine/events.ts";
import type { RepoGitHub } from "../../ports/github.ts";
import { neutralizePlainText } from "../../render/index.ts";
import type { WorkerDeps } from "../deps.ts";
import { BRANCH_MOVED_REASON, unlessBranchMoved } from "./branch-moved.ts";
import { reportOnce } from "./recorded.ts";
import { coderBrief, contextPaths, editPolicy, loadTask, recordEdits, type TaskContext } from "./task-context.ts";

export interface ReviseJob {
  workflowId: string;
  taskId: string;
  sha: string;
  feedback: string;
  reply: ReplyTarget;
}

async function answer(github: RepoGitHub, pr: number | null, reply: ReplyTarget, sha: string): Promise<void> {
  if (reply === null || pr === null) return;
  const body = `Foreman pushed ${sha.slice(0, 7)} to address this.`;
  if (reply.kind === "thread") await github.replyToReviewComment(pr, reply.commentId, body);
  else await github.upsertComment({ issue: pr, key: `revision-${sha}`, body });
}

async function revise(deps: WorkerDeps, github: RepoGitHub, context: TaskContext, job: ReviseJob): Promise<EngineEvent> {
  const { state, task, record } = context;
  const tree = await github.listFiles(job.sha);
  const files = await github.readFiles(job.sha, contextPaths(state, task));
  const brief = `${coderBrief(state, record)}\n\n## Review feedback to address on the current branch\n${job.feedback}`;
  const result = await runCoder(deps.model, {
    model: deps.modelFor("coder", state.config),
    repository: `${state.ref.owner}/${state.ref.repo}`,
    task,
    brief,
    tree,
    files,
    policy: editPolicy(state, task),
  });
  if (!result.ok) return { type: "revision_done", taskId: task.id, sha: job.sha, outcome: { kind: "failed", reason: result.problems.join("; ") }, usage: result.usage };
  const message = neutralizePlainText(`Address review on ${task.title}\n\n${result.value.summary}`) + `\n\nPart of #${state.issue}.`;
  return unlessBranchMoved<EngineEvent>(
    async () => {
      const commit = await github.commitOnBranch({ branch: record.branch, parentSha: job.sha, message, changes: result.value.changes, force: false });
      recordEdits(deps.store, state.id, task.id, result.value.edits, false);
      await answer(github, record.pr, job.reply, commit.sha);
      return { type: "revision_done", taskId: task.id, sha: job.sha, outcome: { kind: "committed", commitSha: commit.sha }, usage: result.usage };
    },
    () => ({ type: "revision_done", taskId: task.id, sha: job.sha, outcome: { kind: "failed", reason: BRANCH_MOVED_REASON }, usage: result.usage }),
  );
}

/** Answers review findings or a writer's review with one commit on the task's branch. */
export async function runReviseJob(deps: WorkerDeps, job: ReviseJob): Promise<void> {
  const context = loadTask(deps.store, job.workflowId, job.taskId);
  if (!context || context.record.status !== "revising" || context.record.headSha !== job.sha) return;
  const key = `${job.workflowId}/${job.taskId}@${job.sha}:revise:${context.record.reviewRounds}`;
  await reportOnce(deps, job.workflowId, key, async () => revise(deps, await deps.github.forRepo(context.state.ref), context, job));
}
