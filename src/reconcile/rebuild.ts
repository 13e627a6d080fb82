import { z } from "zod";
import { isStepInFlight } from "../domain/task-status.ts";
import { TERMINAL_PHASES } from "../engine/decision.ts";
import { workflowId, type TaskRecord, type WorkflowState } from "../engine/types.ts";
import { nullIfGone } from "../ports/errors.ts";
import type { CommentInfo as ReconcileComment, RepoReads as ReconcileRepo, RepoTarget } from "../ports/github.ts";
import { hasStatusMarker, parseStatusMarker } from "../render/index.ts";
import type { JobInput } from "../store/store.ts";
import type { Intake } from "../worker/intake.ts";
import type { TaskJob } from "../worker/task-job.ts";
import type { ReconcileDeps } from "./deps.ts";
import { commentsAfterSnapshot, reconcileDeliveryId, type CommentTarget } from "./missed-comments.ts";

/** The audit kind of a workflow rebuilt from its status comment; its data holds the state it starts from. */
export const WORKFLOW_REBUILT_EVENT = "workflow_rebuilt";

/** Enough of a snapshot to trust it is a workflow state; the rest is carried as is. */
const Snapshot = z.looseObject({
  id: z.string(),
  ref: z.looseObject({ installationId: z.number(), owner: z.string(), repo: z.string() }),
  issue: z.number().int().min(1),
  phase: z.string(),
  requester: z.string(),
  issueTitle: z.string(),
  config: z.looseObject({ label: z.string() }),
  tasks: z.record(z.string(), z.looseObject({ id: z.string(), status: z.string(), pr: z.number().nullable(), attempts: z.number() })),
});

export interface StatusFound {
  commentId: number;
  /** When the snapshot was written: a command made later may not be in it. */
  writtenAt: number;
  snapshot: WorkflowState;
}

/** The newest status comment by the app that carries a readable snapshot. */
export function statusSnapshot(comments: ReconcileComment[], botLogin: string): StatusFound | null {
  const mine = comments.filter((comment) => comment.author.toLowerCase() === botLogin.toLowerCase() && hasStatusMarker(comment.body));
  for (const comment of mine.reverse()) {
    const marker = parseStatusMarker(comment.body);
    const parsed = Snapshot.safeParse(marker?.snapshot);
    if (parsed.success) return { commentId: comment.id, writtenAt: comment.updatedAt, snapshot: parsed.data as unknown as WorkflowState };
  }
  return null;
}

/** Work that ran in a job the lost database held: a merge or a QA step goes back to waiting for CI on its head. */
function resumedTasks(state: WorkflowState): Record<string, TaskRecord> {
  return Object.fromEntries(
    Object.entries(state.tasks).map(([id, task]) => [id, isStepInFlight(task.status) && task.headSha !== null ? { ...task, status: "ci_running" as const } : task]),
  );
}

function taskJobs(state: WorkflowState): JobInput[] {
  return Object.values(state.tasks)
    .filter((task) => task.status === "coding")
    .map((task) => ({ kind: "task", key: `${state.id}/${task.id}`, payload: { workflowId: state.id, taskId: task.id, attempt: task.attempts } satisfies TaskJob }));
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
    deliveryId: reconcileDeliveryId("rebuild", state.id),
  };
  deps.store.enqueueUnseen({ kind: "intake", key: state.id, payload: intake }, { kind: "label", key: state.id });
  return "restarted";
}

/**
 * Rebuilds a workflow the database does not know (it was lost) from its status comment's snapshot.
 * Finished workflows are stored closed; a workflow that was planning starts planning again; otherwise
 * the state is stored as it was, tasks being coded are queued again, and work that was in flight
 * waits for CI on its head, which the reconciler then reads. Comments made before the snapshot was
 * written count as seen; later ones are fed in, in the same transaction.
 */
export async function rebuildWorkflow(deps: ReconcileDeps, repo: ReconcileRepo, target: RepoTarget, found: StatusFound): Promise<"rebuilt" | "restarted" | "skipped"> {
  const snapshot = found.snapshot;
  const id = workflowId(target, snapshot.issue);
  if (snapshot.id !== id) return "skipped";
  const base: WorkflowState = { ...snapshot, ref: { ...snapshot.ref, installationId: target.installationId }, statusCommentId: found.commentId };
  if (base.phase === "planning") return restart(deps, base);
  const open = !TERMINAL_PHASES.has(base.phase);
  const state: WorkflowState = open ? { ...base, tasks: resumedTasks(base) } : base;
  const comments = await commentsAfterSnapshot(deps.store, repo, state, await commentTargets(repo, state), found.writtenAt, deps.botLogin);
  const jobs = open ? [...taskJobs(state), ...comments.map((intake) => ({ kind: "intake", key: id, payload: intake }))] : [];
  const event = { workflowId: id, at: deps.now(), kind: WORKFLOW_REBUILT_EVENT, actor: null, deliveryId: null, data: { commentId: found.commentId, state } };
  if (!deps.store.saveWorkflow(id, state, 0, open, jobs, [event])) return "skipped";
  for (const intake of comments) deps.store.markSeen("comment", String(intake.commentId));
  deps.log.info({ workflowId: id, phase: state.phase, commentId: found.commentId, comments: comments.length }, "rebuilt a workflow from its status comment");
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
