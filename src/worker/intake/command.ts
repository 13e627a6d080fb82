import { isFinished, isRetryable } from "../../domain/task-status.ts";
import { WorkflowId } from "../../domain/ids.ts";
import type { GitHubWrite } from "../../engine/effects.ts";
import type { TaskRecord, WorkflowState } from "../../engine/types.ts";
import { parseCommand, type Command } from "../../policy/commands.ts";
import { redactText } from "../../policy/sanitize.ts";
import type { Permission, Reaction, RepoGitHub } from "../../ports/github.ts";
import { isAppLogin } from "../../ports/github-types.ts";
import {
  CommentKey,
  HeadNoticeKey,
  parseTaskMarker,
  renderAlreadyPickedUp,
  renderApprovalUnbound,
  renderRefusal,
  type TaskMarker,
  type UnboundApproval,
} from "../../render/index.ts";
import type { WorkerDeps } from "../deps.ts";
import type { Intake, Sender } from "../intake.ts";
import { authorize } from "./authorized.ts";
import { answer, NOTHING, routeTo, type IntakePlan } from "./routed.ts";

type CommentIntake = Extract<Intake, { kind: "issue_comment" }>;

/** Where a comment was made: the workflow, and the task when it is on a task's own pull request. */
interface CommentTarget {
  id: string;
  state: WorkflowState;
  marker: TaskMarker | null;
  task: TaskRecord | undefined;
}

const react = (intake: CommentIntake, content: Reaction): GitHubWrite => ({ type: "react", commentId: intake.commentId, content });

/** What an `/approve` on a task's pull request approves: a commit, or nothing and why. */
type Binding = { sha: string } | { unbound: UnboundApproval };

/**
 * G1: an `/approve` approves only a commit that existed when its author wrote it. `/approve <sha>`
 * names it (it must be the head). A plain `/approve` binds to the head the workflow knows only when
 * Foreman learned of that head before the comment was written: webhooks are not ordered, and a
 * comment the reconciler finds late may have been written about an earlier head. Before the
 * workflow learned of its pull request, only a named commit binds.
 */
async function bindApproval(github: RepoGitHub, task: TaskRecord, intake: CommentIntake, named: string | null): Promise<Binding> {
  const by = intake.sender.login;
  const known = task.pr === intake.issue && task.headSha !== null;
  const head = known ? task.headSha : await currentHead(github, task, intake.issue);
  if (named !== null) {
    return head !== null && head.startsWith(named) ? { sha: head } : { unbound: { kind: "not_head", by, named, head } };
  }
  const seenBefore = known && task.headSeenAt !== null && intake.createdAt !== null && task.headSeenAt <= intake.createdAt;
  return seenBefore && head !== null ? { sha: head } : { unbound: { kind: "unknown_head", by, head } };
}

/** The pull request's head, when the pull request is the task's. */
async function currentHead(github: RepoGitHub, task: TaskRecord, pr: number): Promise<string | null> {
  const pull = await github.getPullRequest(pr);
  return pull.headRef === task.branch ? pull.headSha : null;
}

/** Answers to the engineer's questions count from whoever started the work, the issue's author, or a writer. */
async function mayAnswer(github: RepoGitHub, state: WorkflowState, sender: Sender): Promise<boolean> {
  if (sender.login === state.requester) return true;
  if ((await github.getIssue(state.issue)).author === sender.login) return true;
  return (await authorize(github, sender, state.config.allowBots)).ok;
}

async function planReply(github: RepoGitHub, target: CommentTarget, intake: CommentIntake): Promise<IntakePlan> {
  if (target.state.phase !== "clarifying" || intake.pullRequestBody !== null) return NOTHING;
  if (!(await mayAnswer(github, target.state, intake.sender))) return NOTHING;
  // The answer is kept in the workflow's state, which the status comment publishes: secrets in it are redacted.
  return routeTo(target.id, { type: "reply", author: intake.sender.login, body: redactText(intake.body) });
}

/** A task Foreman already went on with from a commit someone else pushed (a `/retry` after such a push has nothing left to do). */
function humanHeadTakenUp(state: WorkflowState, taskId: string | null): { taskId: string; sha: string } | null {
  const task = Object.values(state.tasks).find(
    (candidate) =>
      (taskId === null || candidate.id === taskId) &&
      !isFinished(candidate.status) &&
      candidate.headSha !== null &&
      !candidate.ownCommits.includes(candidate.headSha),
  );
  return task?.headSha ? { taskId: task.id, sha: task.headSha } : null;
}

function hasRetryable(state: WorkflowState, taskId: string | null): boolean {
  return Object.values(state.tasks).some((task) => isRetryable(task.status) && (taskId === null || task.id === taskId));
}

/** A writer's command on a task's own pull request. */
async function planTaskCommand(
  github: RepoGitHub,
  intake: CommentIntake,
  target: CommentTarget & { marker: TaskMarker; task: TaskRecord },
  command: Command,
  permission: Permission,
): Promise<IntakePlan> {
  const { id, marker, task } = target;
  const by = intake.sender.login;
  const accepted = react(intake, "+1");
  switch (command.name) {
    case "approve": {
      const binding = await bindApproval(github, task, intake, command.sha);
      if ("sha" in binding)
        return routeTo(id, { type: "approve_task", taskId: marker.task, by, sha: binding.sha, permission }, [], accepted);
      const body = renderApprovalUnbound(binding.unbound);
      return answer(id, [
        react(intake, "confused"),
        { type: "post_comment", issue: intake.issue, key: HeadNoticeKey.approvalUnbound(intake.commentId), body },
      ]);
    }
    case "retry":
      return routeTo(id, { type: "retry", by, taskId: marker.task }, [], accepted);
    case "cancel":
      // Closing the pull request is the cancellation, told to the workflow here: the `closed` webhook of Foreman's own close is ignored.
      return routeTo(
        id,
        { type: "task_closed", taskId: marker.task, pr: intake.issue, by },
        [{ type: "close_pull_request", pr: intake.issue }],
        accepted,
      );
    default:
      return answer(id, [accepted]);
  }
}

/**
 * `/approve` on the issue: the plan's approval while it waits for one; once the tasks run, the
 * approval of every ready task, each bound to its head by the engine as G1 wants (see `approveReady`).
 */
function approveOnIssue(intake: CommentIntake, target: CommentTarget, sha: string | null, permission: Permission): IntakePlan {
  const by = intake.sender.login;
  const accepted = react(intake, "+1");
  if (target.state.phase !== "executing") return routeTo(target.id, { type: "approve_plan", by, permission }, [], accepted);
  const event = { type: "approve_ready" as const, by, permission, commentId: intake.commentId, writtenAt: intake.createdAt, named: sha };
  return routeTo(target.id, event, [], accepted);
}

/** A writer's command on the issue. */
function planIssueCommand(intake: CommentIntake, target: CommentTarget, command: Command, permission: Permission): IntakePlan {
  const { id } = target;
  const by = intake.sender.login;
  const accepted = react(intake, "+1");
  switch (command.name) {
    case "approve":
      return approveOnIssue(intake, target, command.sha, permission);
    case "plan":
      return routeTo(id, { type: "replan", by, feedback: redactText(command.feedback) }, [], accepted);
    case "cancel":
      return routeTo(id, { type: "cancel", by }, [], accepted);
    case "retry":
      return routeTo(id, { type: "retry", by, taskId: null }, [], accepted);
  }
}

async function planCommand(github: RepoGitHub, intake: CommentIntake, target: CommentTarget, command: Command): Promise<IntakePlan> {
  const { id, state, marker, task } = target;
  const auth = await authorize(github, intake.sender, state.config.allowBots);
  if (!auth.ok) {
    const body = renderRefusal({ kind: "command_denied", command: command.name, denial: auth.denial });
    return answer(id, [
      react(intake, "-1"),
      { type: "post_comment", issue: intake.issue, key: CommentKey.commandDenied(intake.commentId), body },
    ]);
  }
  if (command.name === "retry" && !hasRetryable(state, marker?.task ?? null)) {
    const pickedUp = humanHeadTakenUp(state, marker?.task ?? null);
    const body = pickedUp ? renderAlreadyPickedUp(pickedUp) : renderRefusal({ kind: "nothing_to_retry" });
    return answer(id, [
      react(intake, "confused"),
      { type: "post_comment", issue: intake.issue, key: CommentKey.nothingToRetry(intake.commentId), body },
    ]);
  }
  if (marker && task) return planTaskCommand(github, intake, { ...target, marker, task }, command, auth.permission);
  return planIssueCommand(intake, target, command, auth.permission);
}

/**
 * A new comment on an issue with a workflow, or on one of its tasks' pull requests (found by the
 * hidden task marker in the pull request's body): a command, or an answer to the engineer's questions.
 */
export async function planComment(deps: WorkerDeps, github: RepoGitHub, intake: CommentIntake): Promise<IntakePlan> {
  if (isAppLogin(intake.sender.login, deps.botLogin)) return NOTHING;
  const marker = intake.pullRequestBody === null ? null : parseTaskMarker(intake.pullRequestBody);
  if (intake.pullRequestBody !== null && !marker) return NOTHING;
  const id = WorkflowId.toString({ ...intake.ref, issue: marker ? marker.issue : intake.issue });
  const state = deps.store.getWorkflow(id)?.state ?? null;
  if (!state) return NOTHING;
  const task = marker ? state.tasks[marker.task] : undefined;
  if (marker && (!task || (task.pr !== null && task.pr !== intake.issue))) return NOTHING;
  const command = parseCommand(intake.body);
  const target = { id, state, marker, task };
  return command ? planCommand(github, intake, target, command) : planReply(github, target, intake);
}
