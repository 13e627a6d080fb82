import { isFinished } from "../domain/task-status.ts";
import type { EngineEvent } from "../engine/events.ts";
import { nullIfGone } from "../ports/errors.ts";
import { eventJob } from "../store/job-kinds.ts";
import type { RepoReads } from "../ports/github.ts";
import type { WorkflowRecord } from "../store/store.ts";
import type { WorkflowState } from "../engine/types.ts";
import { closeWorkflow } from "./close-workflow.ts";
import type { ReconcileDeps, ReconcileReport } from "./deps.ts";
import { missedComments, type CommentTarget } from "./missed-comments.ts";
import { taskDrift } from "./task-drift.ts";

export const GONE_REASON = "The issue or its repository is gone (deleted, transferred, or the app lost access), so Foreman stopped.";

/**
 * A workflow whose issue or repository answers 404/410 stops when a later pass finds it gone too,
 * so that one odd answer does not end the work. While the repository still reads, the issue was
 * deleted: the workflow stops through the engine, which closes its open pull requests with a
 * note. When the repository is gone too, or that stop did not take by the next pass, the workflow
 * is closed in the store alone.
 */
async function stopIfStillGone(deps: ReconcileDeps, repo: RepoReads, workflowId: string): Promise<Partial<ReconcileReport>> {
  if (deps.store.markSeen("gone", workflowId)) {
    deps.log.warn({ workflowId }, "the issue or repository of a workflow is gone; it is closed if the next pass finds the same");
    return { closed: 0 };
  }
  if ((await nullIfGone(repo.repository())) !== null) {
    const stop: EngineEvent = { type: "issue_closed", how: "deleted", by: null };
    if (deps.store.enqueueUnseen(eventJob(workflowId, stop), { kind: "gone", key: stopKey(workflowId) })) {
      deps.log.warn({ workflowId }, "the issue of a workflow is gone; the workflow stops");
      deps.notify();
      return { events: 1 };
    }
  }
  const closed = closeWorkflow(deps.store, workflowId, GONE_REASON, deps.now());
  if (closed) deps.log.warn({ workflowId }, "closed a workflow whose issue or repository is gone");
  return { closed: closed ? 1 : 0 };
}

/** The seen mark of the stop fed in for a workflow whose issue is gone. */
const stopKey = (workflowId: string): string => `${workflowId}#stop`;

/**
 * The merges of tasks not known to be merged whose pull request is merged: the last one's may be
 * what closed the issue (`Closes #issue`), and is fed in before the close, so that the work ends
 * as completed rather than stopped.
 */
async function mergesUnseen(repo: RepoReads, state: WorkflowState): Promise<EngineEvent[]> {
  const unmerged = Object.values(state.tasks).filter((task) => !isFinished(task.status) && task.pr !== null);
  const events: EngineEvent[] = [];
  for (const task of unmerged) {
    const pull = await nullIfGone(repo.getPullRequest(task.pr ?? 0));
    if (pull?.merged) events.push({ type: "task_merged", taskId: task.id, sha: pull.mergeCommitSha ?? pull.headSha });
  }
  return events;
}

/** The issue was closed and no webhook said so: the workflow stops as if it had (after the merges that may have closed it). */
async function stopClosed(deps: ReconcileDeps, repo: RepoReads, state: WorkflowState): Promise<Partial<ReconcileReport>> {
  const merges = await mergesUnseen(repo, state);
  if (deps.store.pendingJobsFor(state.id) > 0) return { busy: 1 };
  feed(deps, state.id, [...merges, { type: "issue_closed", how: "closed", by: null }]);
  deps.log.info(
    { workflowId: state.id, merges: merges.length },
    "the issue of a workflow was closed and no webhook said so; the workflow stops",
  );
  deps.notify();
  return { events: merges.length + 1 };
}

function feed(deps: ReconcileDeps, workflowId: string, events: EngineEvent[]): void {
  for (const event of events) deps.store.enqueueJob(eventJob(workflowId, event));
}

/**
 * Compares one open workflow with GitHub and feeds in what its webhooks would have brought: a
 * merge, a close, a reopen, a push, CI completed, new comments, the issue closed. A workflow with
 * jobs in flight is left alone (it is moving); one whose issue or repository is gone stops.
 */
export async function reconcileWorkflow(deps: ReconcileDeps, record: WorkflowRecord): Promise<Partial<ReconcileReport>> {
  const state = record.state;
  if (deps.store.pendingJobsFor(state.id) > 0) return { busy: 1 };
  const repo = await deps.github.forRepo(state.ref);
  const issue = await nullIfGone(repo.getIssue(state.issue));
  if (issue === null) return stopIfStillGone(deps, repo, state.id);
  deps.store.unmarkSeen("gone", state.id);
  deps.store.unmarkSeen("gone", stopKey(state.id));
  if (issue.state === "closed") return stopClosed(deps, repo, state);
  const events: EngineEvent[] = [];
  const targets: CommentTarget[] = [{ number: state.issue, pullRequestBody: null }];
  for (const task of Object.values(state.tasks)) {
    if (task.pr === null) continue;
    const pull = await nullIfGone(repo.getPullRequest(task.pr));
    if (!pull) continue;
    if (pull.state === "open") targets.push({ number: pull.number, pullRequestBody: pull.body });
    const drift = await taskDrift(repo, task, pull);
    if (drift) events.push(drift);
  }
  const intakes = await missedComments(deps.store, repo, state, targets, deps.botLogin);
  if (deps.store.pendingJobsFor(state.id) > 0) return { busy: 1 };
  feed(deps, state.id, events);
  const comments = intakes.filter((intake) =>
    deps.store.enqueueUnseen({ kind: "intake", key: state.id, payload: intake }, { kind: "comment", key: String(intake.commentId) }),
  ).length;
  if (events.length + comments > 0) {
    deps.log.info(
      { workflowId: state.id, events: events.map((event) => event.type), comments },
      "fed in what GitHub shows and no webhook brought",
    );
    deps.notify();
  }
  return { events: events.length, comments };
}
