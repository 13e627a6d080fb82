import { hasMergeStarted, isFinished } from "../domain/task-status.ts";
import { ReadyApprovalKey, renderApprovalRefused, renderReadyApprovals, type ReadyApproval } from "../render/index.ts";
import { approveTask } from "./decide-tasks.ts";
import { ignore, type Decision } from "./decision.ts";
import type { EngineEvent } from "./events.ts";
import type { TaskRecord, WorkflowState } from "./types.ts";

type ApproveReady = Extract<EngineEvent, { type: "approve_ready" }>;

/**
 * G1 for an `/approve` on the issue: it names a commit, which must be the head; or it binds to the
 * head only when Foreman learned of that head before the comment was written. A head learned of
 * later, or a comment whose time is unknown, binds to nothing.
 */
function boundHead(task: TaskRecord, event: ApproveReady): ReadyApproval | { sha: string } {
  const head = task.headSha ?? "";
  const about = { taskId: task.id, pr: task.pr };
  if (event.named !== null) return head.startsWith(event.named) ? { sha: head } : { ...about, kind: "not_named", head };
  const known = task.headKnownAt !== null && event.writtenAt !== null && task.headKnownAt <= event.writtenAt;
  return known ? { sha: head } : { ...about, kind: "unknown_head", head };
}

/** The approval of one task, in `decision`: what it came to, and the decision with it applied. */
function approveOne(decision: Decision, task: TaskRecord, event: ApproveReady): { decision: Decision; approval: ReadyApproval } {
  const about = { taskId: task.id, pr: task.pr };
  if (task.status !== "ready" || task.headSha === null) {
    return { decision, approval: { ...about, kind: "not_ready", status: task.status, failure: task.failure } };
  }
  const bound = boundHead(task, event);
  if (!("sha" in bound)) return { decision, approval: bound };
  const { by, permission } = event;
  const next = approveTask(decision.state, task, { type: "approve_task", taskId: task.id, by, sha: bound.sha, permission });
  const merging = next.state.tasks[task.id]?.status === "merging";
  return {
    decision: { state: next.state, effects: [...decision.effects, ...next.effects] },
    approval: { ...about, kind: merging ? "approved" : "needs_maintainer", sha: bound.sha },
  };
}

/** Tasks of the plan, in its order, that an `/approve` can speak of: started, not finished, not already being merged. */
function openTasks(state: WorkflowState): TaskRecord[] {
  return (state.plan?.tasks ?? []).flatMap((planned) => {
    const task = state.tasks[planned.id];
    return task && !isFinished(task.status) && !hasMergeStarted(task.status) && task.status !== "approved" ? [task] : [];
  });
}

/**
 * A writer's `/approve` on the issue while the tasks run approves every task that is ready (CI
 * green and reviewed), each at its current head as G1 binds it, and answers with the heads it
 * approved and the tasks it could not approve, with why.
 */
export function approveReady(state: WorkflowState, event: ApproveReady): Decision {
  if (state.phase !== "executing") return ignore(state, "no tasks to approve outside execution");
  const key = ReadyApprovalKey.answer(event.commentId);
  if (state.config.approval.separateApprover && event.by === state.requester) {
    return { state, effects: [{ type: "comment", key, on: "issue", body: renderApprovalRefused(event.by) }] };
  }
  let decision: Decision = { state, effects: [] };
  const approvals: ReadyApproval[] = [];
  for (const task of openTasks(state)) {
    const result = approveOne(decision, task, event);
    decision = result.decision;
    approvals.push(result.approval);
  }
  const body = renderReadyApprovals({ by: event.by, approvals });
  return { state: decision.state, effects: [...decision.effects, { type: "comment", key, on: "issue", body }] };
}
