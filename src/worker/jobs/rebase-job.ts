import { setTimeout as sleep } from "node:timers/promises";
import { TaskWorkKey } from "../../domain/keys.ts";
import type { EngineEvent, RebaseOutcome } from "../../engine/events.ts";
import { NO_USAGE } from "../../engine/usage.ts";
import { BranchMovedError } from "../../ports/errors.ts";
import type { RepoGitHub } from "../../ports/github.ts";
import { isAppLogin } from "../../ports/github-types.ts";
import { baseUpdateReason } from "../../render/base-updates.ts";
import type { RebaseJob } from "../../store/job-kinds.ts";
import type { WorkerDeps } from "../deps.ts";
import { answeredBase, mergeWithBase, type RebaseResult } from "./rebase-merge.ts";
import { reportOnce } from "./recorded.ts";
import { loadTask, type TaskContext } from "./task-context.ts";
import { orRefused } from "../model-refusal.ts";

/** How often, and how far apart, the branch is read after GitHub accepted to update it (github.com merges a moment later). */
export interface UpdateWait {
  reads: number;
  intervalMs: number;
}

const UPDATE_WAIT: UpdateWait = { reads: 10, intervalMs: 1_000 };

/** GitHub accepted the update but the branch has not moved yet: the job runs again later and finds the merge then. */
class UpdateNotLandedError extends Error {
  constructor(branch: string) {
    super(`GitHub accepted to bring ${branch} up to date, but its head has not moved yet`);
    this.name = "UpdateNotLandedError";
  }
}

const done = (outcome: RebaseOutcome): RebaseResult => ({ outcome, usage: NO_USAGE });

/**
 * Whether `sha`, the branch's head now, is the merge Foreman asked for on top of `from`: made by
 * Foreman's own account (GitHub makes update-branch's merge as the caller), with `from` as its
 * first parent. GitHub merges a moment after it accepted: a merge made on top of a commit someone
 * pushed meanwhile carries their commit, and is theirs to look at (G1: no approval goes with it).
 */
async function isOwnMerge(deps: WorkerDeps, github: RepoGitHub, from: string, sha: string): Promise<boolean> {
  const author = await github.commitAuthor(sha);
  if (author === null || !isAppLogin(author, deps.botLogin)) return false;
  return (await github.commitParents(sha))?.[0] === from;
}

/** The branch moved from `from` to `sha` since the conflict was seen: Foreman's own update (a job run again), or someone's push. */
async function afterMove(deps: WorkerDeps, github: RepoGitHub, from: string, sha: string, answerKey: string): Promise<RebaseResult> {
  if (!(await isOwnMerge(deps, github, from, sha))) return done({ kind: "human_commits", sha });
  // The coder's answer is recorded before its commit: a merge of Foreman's after it carries the coder's files.
  return done({ kind: "committed", commitSha: sha, how: answeredBase(deps, answerKey) === null ? "github" : "recoded" });
}

/** GitHub accepted the update: the branch's new head, once it moved (bounded), as Foreman's merge or someone else's push. */
async function awaitUpdate(
  deps: WorkerDeps,
  github: RepoGitHub,
  branch: string,
  head: string,
  wait: UpdateWait,
  answerKey: string,
): Promise<RebaseResult> {
  for (let read = 1; read <= wait.reads; read += 1) {
    const now = await github.branchHead(branch);
    if (now === null) return done({ kind: "failed", reason: baseUpdateReason.branchGone() });
    if (now !== head) return afterMove(deps, github, head, now, answerKey);
    if (read < wait.reads) await sleep(wait.intervalMs);
  }
  throw new UpdateNotLandedError(branch);
}

/**
 * G3: brings the task's branch up to date with its base by a merge, never a rewrite: GitHub's
 * update-branch first (a compare-and-swap on the head), then, when GitHub finds conflicts,
 * Foreman's three-way merge of the task's files, and the coder on files that really conflict.
 * A branch someone else pushed to is left to them.
 */
async function bringUpToDate(
  deps: WorkerDeps,
  github: RepoGitHub,
  context: TaskContext,
  job: RebaseJob,
  key: string,
  wait: UpdateWait,
): Promise<RebaseResult> {
  const { record } = context;
  const answerKey = `${key}:answer`;
  const head = await github.branchHead(record.branch);
  if (head === null || record.pr === null) return done({ kind: "failed", reason: baseUpdateReason.branchGone() });
  if (head !== job.headSha) return afterMove(deps, github, job.headSha, head, answerKey);
  const base = answeredBase(deps, answerKey) ?? (await github.repository()).headSha;
  const comparison = await github.compareCommits(base, head);
  // A head that holds the base needs nothing, whoever made it (a human may have merged the base in).
  if (comparison.behindBy === 0) return done({ kind: "up_to_date" });
  if (!record.ownCommits.includes(head)) return done({ kind: "human_commits", sha: head });
  let update: Awaited<ReturnType<RepoGitHub["updatePullBranch"]>>;
  try {
    update =
      answeredBase(deps, answerKey) === null
        ? await github.updatePullBranch({ number: record.pr, branch: record.branch, expectedHead: head })
        : "conflict";
  } catch (error) {
    if (!(error instanceof BranchMovedError)) throw error;
    return done({ kind: "human_commits", sha: await github.branchHead(record.branch) });
  }
  if (update === "up_to_date") return done({ kind: "up_to_date" });
  if (update === "accepted") return awaitUpdate(deps, github, record.branch, head, wait, answerKey);
  return mergeWithBase(deps, github, context, { head, base, mergeBase: comparison.mergeBase, paths: comparison.files }, answerKey);
}

/**
 * Brings a conflicting (or behind) task branch up to date with its base (see `bringUpToDate`) and
 * reports `rebase_done`. The coder's call stays `runCoder`'s, its answer recorded before any commit.
 */
export async function runRebaseJob(deps: WorkerDeps, job: RebaseJob, wait: UpdateWait = UPDATE_WAIT): Promise<void> {
  const context = loadTask(deps.store, job.workflowId, job.taskId);
  if (!context || context.record.status !== "rebasing") return;
  const key = TaskWorkKey.toString({ ...job, sha: job.headSha, work: "rebase" });
  await reportOnce(deps, job.workflowId, key, () =>
    orRefused(deps, { role: "coder", taskId: job.taskId }, async (): Promise<EngineEvent> => {
      const github = await deps.github.forRepo(context.state.ref);
      const { outcome, usage } = await bringUpToDate(deps, github, context, job, key, wait);
      return { type: "rebase_done", taskId: job.taskId, outcome, usage };
    }),
  );
}
