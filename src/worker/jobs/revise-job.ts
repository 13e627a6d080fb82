import { runCoder } from "../../agents/coder.ts";
import type { GitHubWrite } from "../../engine/effects.ts";
import type { EngineEvent, ReplyTarget } from "../../engine/events.ts";
import type { RepoGitHub } from "../../ports/github.ts";
import { CommentKey, escalationReason, renderCommitMessage, renderRevisionAnswer } from "../../render/index.ts";
import { TaskWorkKey } from "../../domain/keys.ts";
import type { ReviseJob } from "../../store/job-kinds.ts";
import type { WorkerDeps } from "../deps.ts";
import { performWrites } from "../effect-runner.ts";
import { repoView } from "../repo-view.ts";
import { unlessBranchMoved } from "./branch-moved.ts";
import { answerOnce, CoderResult, recordedResult, reportOnce } from "./recorded.ts";
import { coderBrief, contextPaths, editPolicy, loadTask, recordEdits, stillAt, type TaskContext } from "./task-context.ts";
import { orRefused } from "../model-refusal.ts";

/** Tells the writer whose review this revision answers which commit addresses it: in the comment's thread, or on the pull request. */
function answer(pr: number | null, reply: ReplyTarget, sha: string): GitHubWrite[] {
  if (reply === null || pr === null) return [];
  const key = CommentKey.revisionAnswer(sha);
  const body = renderRevisionAnswer(sha);
  return [
    reply.kind === "thread"
      ? { type: "reply_in_thread", pr, commentId: reply.commentId, key, body }
      : { type: "post_comment", issue: pr, key, body },
  ];
}

async function revise(deps: WorkerDeps, github: RepoGitHub, context: TaskContext, job: ReviseJob, key: string): Promise<EngineEvent> {
  const { state, task, record } = context;
  const brief = `${coderBrief(state, record)}\n\n## Review feedback to address on the current branch\n${job.feedback}`;
  const result = await answerOnce(deps, `${key}:answer`, recordedResult(CoderResult), async () => {
    const view = await repoView(deps, github, state, "coder", job.sha, [], { checks: true });
    try {
      const tree = await view.tree();
      const { files, guidance } = await view.read(contextPaths(state, task));
      return await runCoder(deps.model, {
        model: deps.modelFor("coder", state.config),
        repository: `${state.ref.owner}/${state.ref.repo}`,
        task,
        brief,
        tree,
        files,
        policy: editPolicy(state, task),
        guidance,
        tools: view.tools,
      });
    } finally {
      await view.close();
    }
  });
  if (!result.ok)
    return {
      type: "revision_done",
      taskId: task.id,
      sha: job.sha,
      outcome: { kind: "failed", reason: result.problems.join("; ") },
      usage: result.usage,
    };
  if (!stillAt(deps.store, context, "revising", job.sha)) {
    return {
      type: "revision_done",
      taskId: task.id,
      sha: job.sha,
      outcome: { kind: "failed", reason: escalationReason.stoppedMeanwhile() },
      usage: result.usage,
    };
  }
  const message = renderCommitMessage({ kind: "revision", issue: state.issue, title: task.title, summary: result.value.summary });
  return unlessBranchMoved<EngineEvent>(
    async () => {
      const commit = await github.commitOnBranch({
        branch: record.branch,
        expectedHead: job.sha,
        baseSha: job.sha,
        message,
        changes: result.value.changes,
      });
      recordEdits(deps.store, state.id, task.id, result.value.edits, false);
      await performWrites(deps, github, {
        key,
        workflowId: state.id,
        actor: null,
        deliveryId: null,
        writes: answer(record.pr, job.reply, commit.sha),
      });
      return {
        type: "revision_done",
        taskId: task.id,
        sha: job.sha,
        outcome: { kind: "committed", commitSha: commit.sha },
        usage: result.usage,
      };
    },
    () => ({
      type: "revision_done",
      taskId: task.id,
      sha: job.sha,
      outcome: { kind: "failed", reason: escalationReason.branchMoved() },
      usage: result.usage,
    }),
  );
}

/** Answers review findings or a writer's review with one commit on the task's branch. */
export async function runReviseJob(deps: WorkerDeps, job: ReviseJob): Promise<void> {
  const context = loadTask(deps.store, job.workflowId, job.taskId);
  if (!context || context.record.status !== "revising" || context.record.headSha !== job.sha) return;
  const key = TaskWorkKey.toString({ ...job, work: "revise", round: context.record.reviewRounds });
  await reportOnce(deps, job.workflowId, key, () =>
    orRefused(deps, { role: "coder", taskId: job.taskId }, async () =>
      revise(deps, await deps.github.forRepo(context.state.ref), context, job, key),
    ),
  );
}
