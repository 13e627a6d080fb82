import type { Logger } from "pino";
import { ReconcileDeliveryId, WorkflowId } from "../domain/ids.ts";
import { isStepInFlight } from "../domain/task-status.ts";
import { TERMINAL_PHASES } from "../engine/decision.ts";
import { readWorkflowState, UnreadableStateError } from "../engine/stored-state.ts";
import type { TaskRecord, WorkflowState } from "../engine/types.ts";
import { nullIfGone } from "../ports/errors.ts";
import type { CommentInfo as ReconcileComment, RepoReads as ReconcileRepo, RepoTarget } from "../ports/github.ts";
import { hasStatusMarker, parseStatusMarker } from "../render/index.ts";
import { intakeJob, taskJob } from "../store/job-kinds.ts";
import type { JobInput } from "../store/store.ts";
import type { Intake } from "../worker/intake.ts";
import type { ReconcileDeps } from "./deps.ts";
import { commentsAfterSnapshot, type CommentTarget } from "./missed-comments.ts";

/** The audit kind of a workflow rebuilt from its status comment; its data holds the state it starts from. */
export const WORKFLOW_REBUILT_EVENT = "workflow_rebuilt";

export interface StatusFound {
  commentId: number;
  /** When the snapshot was written: a command made later may not be in it. */
  writtenAt: number;
  snapshot: WorkflowState;
}

/** A comment's snapshot read back and migrated to the newest state version; null (and a warning) when it cannot be. */
function readSnapshot(comment: ReconcileComment, log: Logger | undefined): WorkflowState | null {
  const marker = parseStatusMarker(comment.body);
  if (!marker) return null;
  try {
    return readWorkflowState(marker.snapshot, marker.version, `the snapshot in status comment ${comment.id}`);
  } catch (error) {
    if (!(error instanceof UnreadableStateError)) throw error;
    log?.warn(
      { commentId: comment.id, version: error.version, reason: error.reason, err: error },
      "a status comment's snapshot cannot be read; the workflow is rebuilt without it",
    );
    return null;
  }
}

/**
 * The newest status comment by the app that carries a snapshot this Foreman reads. A snapshot of a
 * newer state version, or one that is not a state, is passed over (with a warning to `log`): without
 * one the workflow starts again from its label.
 */
export function statusSnapshot(comments: ReconcileComment[], botLogin: string, log?: Logger): StatusFound | null {
  const mine = comments.filter((comment) => comment.author.toLowerCase() === botLogin.toLowerCase() && hasStatusMarker(comment.body));
  for (const comment of mine.reverse()) {
    const snapshot = readSnapshot(comment, log);
    if (snapshot) return { commentId: comment.id, writtenAt: comment.updatedAt, snapshot };
  }
  return null;
}

/** Work that ran in a job the lost database held: a merge or a QA step goes back to waiting for CI on its head. */
function resumedTasks(state: WorkflowState): Record<string, TaskRecord> {
  return Object.fromEntries(
    Object.entries(state.tasks).map(([id, task]) => [
      id,
      isStepInFlight(task.status) && task.headSha !== null ? { ...task, status: "ci_running" as const } : task,
    ]),
  );
}

function taskJobs(state: WorkflowState): JobInput[] {
  return Object.values(state.tasks)
    .filter((task) => task.status === "coding")
    .map((task) => taskJob("task", { workflowId: state.id, taskId: task.id, attempt: task.attempts }));
}

/** Planning ran in a job the lost database held: it starts again, as if the label had just been added by the requester. */
function restart(deps: ReconcileDeps, state: WorkflowState): "restarted" {
  const intake: Intake = {
    kind: "issue_labeled",
    ref: state.ref,
    issue: state.issue,
    issueTitle: state.issueTitle,
    label: state.config.label,
    sender: { login: state.requester, type: "User" },
    deliveryId: ReconcileDeliveryId.toString({ what: "rebuild", id: state.id }),
  };
  deps.store.enqueueUnseen(intakeJob(state.id, intake), { kind: "label", key: state.id });
  return "restarted";
}

/**
 * Rebuilds a workflow the database does not know (it was lost) from its status comment's snapshot.
 * Finished workflows are stored closed; a workflow that was planning starts planning again; otherwise
 * the state is stored as it was, tasks being coded are queued again, and work that was in flight
 * waits for CI on its head, which the reconciler then reads. Comments made before the snapshot was
 * written count as seen; later ones are fed in, in the same transaction.
 */
export async function rebuildWorkflow(
  deps: ReconcileDeps,
  repo: ReconcileRepo,
  target: RepoTarget,
  found: StatusFound,
): Promise<"rebuilt" | "restarted" | "skipped"> {
  const snapshot = found.snapshot;
  const id = WorkflowId.toString({ ...target, issue: snapshot.issue });
  if (snapshot.id !== id) return "skipped";
  const base: WorkflowState = {
    ...snapshot,
    ref: { ...snapshot.ref, installationId: target.installationId },
    statusCommentId: found.commentId,
  };
  if (base.phase === "planning") return restart(deps, base);
  const open = !TERMINAL_PHASES.has(base.phase);
  const state: WorkflowState = open ? { ...base, tasks: resumedTasks(base) } : base;
  const comments = await commentsAfterSnapshot(deps.store, repo, state, await commentTargets(repo, state), found.writtenAt, deps.botLogin);
  const jobs = open ? [...taskJobs(state), ...comments.map((intake) => intakeJob(id, intake))] : [];
  const event = {
    workflowId: id,
    at: deps.now(),
    kind: WORKFLOW_REBUILT_EVENT,
    actor: null,
    deliveryId: null,
    data: { commentId: found.commentId, state },
  };
  if (!deps.store.saveWorkflow(id, state, 0, open, jobs, [event])) return "skipped";
  for (const intake of comments) deps.store.markSeen("comment", String(intake.commentId));
  deps.log.info(
    { workflowId: id, phase: state.phase, commentId: found.commentId, comments: comments.length },
    "rebuilt a workflow from its status comment",
  );
  return "rebuilt";
}

/** The issue and the open task pull requests (with their bodies, which carry the task marker). */
async function commentTargets(repo: ReconcileRepo, state: WorkflowState): Promise<CommentTarget[]> {
  const targets: CommentTarget[] = [{ number: state.issue, pullRequestBody: null }];
  for (const task of Object.values(state.tasks)) {
    const pull = task.pr === null ? null : await nullIfGone(repo.getPullRequest(task.pr));
    if (pull?.state === "open") targets.push({ number: pull.number, pullRequestBody: pull.body });
  }
  return targets;
}
