import { z } from "zod";
import { runCoder } from "../agents/coder.ts";
import { changedLines, Edit } from "../agents/apply-edits.ts";
import type { EngineEvent } from "../engine/events.ts";
import { Usage } from "../engine/types.ts";
import { NO_USAGE } from "../engine/usage.ts";
import { Risk } from "../plan/index.ts";
import { BranchMovedError } from "../ports/errors.ts";
import type { RepoGitHub } from "../ports/github.ts";
import { isAppLogin } from "../ports/github-types.ts";
import { closesIssueOnMerge, taskTitleView } from "../engine/pull-request-words.ts";
import { failureText, renderCommitMessage, renderPullRequestBody, renderPullRequestTitle, taskCommitSubject } from "../render/index.ts";
import { TaskWorkKey } from "../domain/keys.ts";
import type { TaskJob } from "../store/job-kinds.ts";
import type { WorkerDeps } from "./deps.ts";
import { answerOnce, reportOnce } from "./jobs/recorded.ts";
import { coderBrief, contextPaths, editPolicy, loadTask, recordEdits, type TaskContext } from "./jobs/task-context.ts";
import { classifyRisk } from "../policy/risk.ts";
import { repoView } from "./repo-view.ts";
import { LocalCheckRecord } from "./jobs/recorded.ts";
import { orRefused } from "./model-refusal.ts";

/** What one attempt of the coder saw and answered, recorded before anything is written (G5). */
const Coded = z.discriminatedUnion("kind", [
  /** Someone else's commit heads the branch: Foreman does not code over it. */
  z.object({ kind: z.literal("taken"), head: z.string() }),
  z.object({ kind: z.literal("refused"), reason: z.string(), usage: Usage }),
  z.object({
    kind: z.literal("coded"),
    /** The branch's head when the coder started (null: no branch yet); the commit goes on top of it. */
    head: z.string().nullable(),
    /** The commit whose files the coder saw; the commit's files are these with the coder's changes. */
    base: z.string(),
    defaultBranch: z.string(),
    summary: z.string(),
    changes: z.array(z.object({ path: z.string(), content: z.string().nullable() })),
    edits: z.array(Edit),
    risk: z.object({ level: Risk, reasons: z.array(z.string()) }),
    /** How the repository's checks ended locally on these changes (empty: local checks were off). */
    checks: z.array(LocalCheckRecord).default([]),
    usage: Usage,
  }),
]);
type Coded = z.infer<typeof Coded>;
type Answered = Extract<Coded, { kind: "coded" }>;

/**
 * Whether `head` is someone else's: not a commit the workflow recorded, and not authored by
 * Foreman's own account (a retried job whose commit was written before its result was recorded).
 */
async function isOthers(github: RepoGitHub, context: TaskContext, head: string, botLogin: string): Promise<boolean> {
  if (context.record.ownCommits.includes(head)) return false;
  const author = await github.commitAuthor(head);
  return author === null || !isAppLogin(author, botLogin);
}

/** Whether the branch holds a commit that is someone else's, anywhere in its history since it left `base`. */
async function holdsOthers(github: RepoGitHub, context: TaskContext, base: string, head: string, botLogin: string): Promise<boolean> {
  const { commits } = await github.compareCommits(base, head);
  return commits.some(
    (commit) => !context.record.ownCommits.includes(commit.sha) && (commit.author === null || !isAppLogin(commit.author, botLogin)),
  );
}

/**
 * The commit whose files the coder starts from: the default branch's head, so that an attempt
 * starts afresh; but the branch's head when someone else's commit is in the branch's history, so
 * that a fresh attempt keeps what they wrote (G3) instead of building the files again without it.
 */
async function startingPoint(
  deps: WorkerDeps,
  github: RepoGitHub,
  context: TaskContext,
  head: string | null,
  main: string,
): Promise<string> {
  if (head === null || head === main) return main;
  return (await holdsOthers(github, context, main, head, deps.botLogin)) ? head : main;
}

async function askCoder(deps: WorkerDeps, github: RepoGitHub, context: TaskContext): Promise<Coded> {
  const { state, task, record } = context;
  const head = await github.branchHead(record.branch);
  if (head !== null && (await isOthers(github, context, head, deps.botLogin))) return { kind: "taken", head };
  const repository = await github.repository();
  const base = await startingPoint(deps, github, context, head, repository.headSha);
  // With tools, the coder reads the starting point from the workspace; GitHub is read only for what it alone knows.
  const view = await repoView(deps, github, state, "coder", base, [], { checks: true });
  try {
    const { files, guidance } = await view.read(contextPaths(state, task));
    const result = await runCoder(deps.model, {
      model: deps.modelFor("coder", state.config),
      repository: `${state.ref.owner}/${state.ref.repo}`,
      task,
      brief: coderBrief(state, record),
      tree: await view.tree(),
      files,
      policy: editPolicy(state, task),
      guidance,
      tools: view.tools,
    });
    if (!result.ok) return { kind: "refused", reason: failureText.editsRefused(task.id, result.rounds), usage: result.usage };
    const { summary, changes, edits, checks } = result.value;
    const lines = changes.reduce((sum, change) => sum + changedLines(files[change.path] ?? null, change.content), 0);
    const risk = classifyRisk(changes, lines);
    return {
      kind: "coded",
      head,
      base,
      defaultBranch: repository.defaultBranch,
      summary,
      changes,
      edits,
      risk,
      checks,
      usage: result.usage,
    };
  } finally {
    await view.close();
  }
}

async function codeTask(deps: WorkerDeps, github: RepoGitHub, context: TaskContext, job: TaskJob, key: string): Promise<EngineEvent> {
  const { task } = context;
  const coded = await answerOnce(deps, `${key}:answer`, Coded, () => askCoder(deps, github, context));
  switch (coded.kind) {
    case "taken":
      return { type: "branch_taken", taskId: task.id, sha: coded.head, usage: NO_USAGE };
    case "refused":
      return { type: "task_failed", taskId: task.id, reason: coded.reason, usage: coded.usage };
    case "coded":
      if (!stillCoding(deps, context, job.attempt)) {
        // Nothing is published for a task that was cancelled (or retried) while the coder worked; the workflow ignores this report.
        return { type: "task_failed", taskId: task.id, reason: failureText.stoppedWhileCoding(task.id), usage: coded.usage };
      }
      return publish(deps, github, context, job.attempt, coded);
  }
}

/** The task is still this attempt's to code: not cancelled, retried or finished while the coder worked. */
function stillCoding(deps: WorkerDeps, context: TaskContext, attempt: number): boolean {
  const now = loadTask(deps.store, context.state.id, context.task.id);
  return now !== null && now.state.phase === "executing" && now.record.status === "coding" && now.record.attempts === attempt;
}

/**
 * One commit on top of the branch's head as the coder found it (G2: a compare-and-swap, never a
 * rewrite), then the pull request. A push in between hands the branch to whoever pushed.
 */
async function publish(deps: WorkerDeps, github: RepoGitHub, context: TaskContext, attempt: number, coded: Answered): Promise<EngineEvent> {
  const { state, task, record } = context;
  const heading = taskTitleView(state, task);
  const message = renderCommitMessage({ kind: "task", issue: state.issue, title: taskCommitSubject(heading), summary: coded.summary });
  let sha: string;
  try {
    ({ sha } = await github.commitOnBranch({
      branch: record.branch,
      expectedHead: coded.head,
      baseSha: coded.base,
      message,
      changes: coded.changes,
    }));
  } catch (error) {
    if (!(error instanceof BranchMovedError)) throw error;
    const head = error.actual ?? (await github.branchHead(record.branch));
    return { type: "branch_taken", taskId: task.id, sha: head, usage: coded.usage };
  }
  recordEdits(deps.store, state.id, task.id, coded.edits, true);
  const pull = await github.ensurePullRequest({
    head: record.branch,
    base: coded.defaultBranch,
    title: renderPullRequestTitle(heading),
    body: renderPullRequestBody({
      issue: state.issue,
      task,
      attempt,
      localChecks: coded.checks,
      closesIssue: closesIssueOnMerge(state, task.id),
    }),
  });
  return {
    type: "task_published",
    taskId: task.id,
    pr: pull.number,
    prNodeId: pull.nodeId,
    headSha: sha,
    risk: coded.risk,
    usage: coded.usage,
  };
}

/** Codes one task in its own job (so tasks run in parallel) and reports back to the workflow. */
export async function runTaskJob(deps: WorkerDeps, job: TaskJob): Promise<void> {
  const context = loadTask(deps.store, job.workflowId, job.taskId);
  if (!context || context.record.status !== "coding" || context.record.attempts !== job.attempt) return;
  const key = TaskWorkKey.toString({ ...job, work: "code", run: context.state.startedAt });
  await reportOnce(deps, job.workflowId, key, () =>
    orRefused(deps, { role: "coder", taskId: job.taskId }, async () =>
      codeTask(deps, await deps.github.forRepo(context.state.ref), context, job, key),
    ),
  );
}
