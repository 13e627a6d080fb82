import { runCoder } from "../agents/coder.ts";
import { changedLines, type Edit } from "../agents/apply-edits.ts";
import type { EngineEvent } from "../engine/events.ts";
import type { Usage } from "../engine/types.ts";
import { NO_USAGE } from "../engine/usage.ts";
import type { FileChange, RepoGitHub } from "../ports/github.ts";
import { isAppLogin } from "../ports/github-types.ts";
import { failureText, renderCommitMessage, renderPullRequestBody, renderPullRequestTitle } from "../render/index.ts";
import { TaskWorkKey } from "../domain/keys.ts";
import type { TaskJob } from "../store/job-kinds.ts";
import type { WorkerDeps } from "./deps.ts";
import { reportOnce } from "./jobs/recorded.ts";
import { coderBrief, contextPaths, editPolicy, loadTask, recordEdits, type TaskContext } from "./jobs/task-context.ts";
import { classifyRisk, type RiskAssessment } from "../policy/risk.ts";

/**
 * A fresh attempt rewrites the task's branch, which is only allowed while its head is Foreman's:
 * a commit the workflow recorded, or one Foreman's own account authored (a retried job whose
 * commit was written before its result was recorded).
 */
async function humanCommitted(github: RepoGitHub, context: TaskContext, botLogin: string): Promise<boolean> {
  const head = await github.branchHead(context.record.branch);
  if (head === null || context.record.ownCommits.includes(head)) return false;
  const author = await github.commitAuthor(head);
  return author === null || !isAppLogin(author, botLogin);
}

async function codeTask(deps: WorkerDeps, github: RepoGitHub, context: TaskContext, attempt: number): Promise<EngineEvent> {
  const { state, task, record } = context;
  if (await humanCommitted(github, context, deps.botLogin)) {
    return { type: "task_failed", taskId: task.id, reason: failureText.notRecoded(task.id, record.branch), usage: NO_USAGE };
  }
  const repository = await github.repository();
  const base = repository.headSha;
  const tree = await github.listFiles(base);
  const files = await github.readFiles(base, contextPaths(state, task));
  const result = await runCoder(deps.model, {
    model: deps.modelFor("coder", state.config),
    repository: `${state.ref.owner}/${state.ref.repo}`,
    task,
    brief: coderBrief(state, record),
    tree,
    files,
    policy: editPolicy(state, task),
  });
  if (!result.ok) {
    return { type: "task_failed", taskId: task.id, reason: failureText.editsRefused(task.id, result.problems), usage: result.usage };
  }
  if (!stillCoding(deps, context, attempt)) {
    // Nothing is published for a task that was cancelled (or retried) while the coder worked; the workflow ignores this report.
    return { type: "task_failed", taskId: task.id, reason: failureText.stoppedWhileCoding(task.id), usage: result.usage };
  }
  const lines = result.value.changes.reduce((sum, change) => sum + changedLines(files[change.path] ?? null, change.content), 0);
  const risk = classifyRisk(result.value.changes, lines);
  return publish(deps, github, context, {
    attempt,
    base,
    defaultBranch: repository.defaultBranch,
    coded: result.value,
    risk,
    usage: result.usage,
  });
}

/** The task is still this attempt's to code: not cancelled, retried or finished while the coder worked. */
function stillCoding(deps: WorkerDeps, context: TaskContext, attempt: number): boolean {
  const now = loadTask(deps.store, context.state.id, context.task.id);
  return now !== null && now.state.phase === "executing" && now.record.status === "coding" && now.record.attempts === attempt;
}

interface PublishInput {
  attempt: number;
  base: string;
  defaultBranch: string;
  coded: { summary: string; changes: FileChange[]; edits: Edit[] };
  risk: RiskAssessment;
  usage: Usage;
}

/** One commit on the task's branch and its pull request. */
async function publish(deps: WorkerDeps, github: RepoGitHub, context: TaskContext, input: PublishInput): Promise<EngineEvent> {
  const { state, task, record } = context;
  const message = renderCommitMessage({ kind: "task", issue: state.issue, title: task.title, summary: input.coded.summary });
  const commit = await github.commitFiles({ branch: record.branch, baseSha: input.base, message, changes: input.coded.changes });
  recordEdits(deps.store, state.id, task.id, input.coded.edits, true);
  const pull = await github.ensurePullRequest({
    head: record.branch,
    base: input.defaultBranch,
    title: renderPullRequestTitle(state.issue, task.title),
    body: renderPullRequestBody({ issue: state.issue, task, attempt: input.attempt }),
  });
  return {
    type: "task_published",
    taskId: task.id,
    pr: pull.number,
    prNodeId: pull.nodeId,
    headSha: commit.sha,
    risk: input.risk,
    usage: input.usage,
  };
}

/** Codes one task in its own job (so tasks run in parallel) and reports back to the workflow. */
export async function runTaskJob(deps: WorkerDeps, job: TaskJob): Promise<void> {
  const context = loadTask(deps.store, job.workflowId, job.taskId);
  if (!context || context.record.status !== "coding" || context.record.attempts !== job.attempt) return;
  const key = TaskWorkKey.toString({ ...job, work: "code" });
  await reportOnce(deps, job.workflowId, key, async () =>
    codeTask(deps, await deps.github.forRepo(context.state.ref), context, job.attempt),
  );
}
