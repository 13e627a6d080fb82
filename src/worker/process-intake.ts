import { renderConfigProblems } from "../render/index.ts";
import { isRetryable } from "../domain/task-status.ts";
import type { EngineEvent } from "../engine/events.ts";
import { WorkflowId } from "../domain/ids.ts";
import type { Permission, TaskRecord, WorkflowState } from "../engine/types.ts";
import { authorizeSender } from "../policy/authorize.ts";
import { parseCommand } from "../policy/commands.ts";
import { redactText } from "../policy/sanitize.ts";
import type { RepoGitHub } from "../ports/github.ts";
import { parseTaskBranch, parseTaskMarker } from "../render/index.ts";
import type { WorkerDeps } from "./deps.ts";
import type { Intake, Sender } from "./intake.ts";
import { loadRepoConfig } from "./load-config.ts";
import { ciOutcome } from "./ci-outcome.ts";
import { reportMergeGroup } from "./merge-group.ts";
import { findConflicts } from "./intake/base-moved.ts";
import { onPullRequestReview } from "./intake/review.ts";
import { DEFAULT_MAX_WORKFLOWS_PER_INSTALLATION, workflowCapRefusal } from "./intake/workflow-cap.ts";

export interface Routed {
  workflowId: string;
  event: EngineEvent;
}

type Of<K extends Intake["kind"]> = Extract<Intake, { kind: K }>;

async function authorized(
  github: RepoGitHub,
  sender: Sender,
  allowBots: readonly string[],
): Promise<{ ok: true; permission: Permission } | { ok: false; reason: string }> {
  const permission = await github.permissionOf(sender.login);
  const decision = authorizeSender({ login: sender.login, type: sender.type, permission, allowBots });
  return decision.allowed ? { ok: true, permission } : { ok: false, reason: decision.reason };
}

async function onLabel(deps: WorkerDeps, github: RepoGitHub, intake: Of<"issue_labeled">): Promise<Routed | null> {
  const repository = await github.repository();
  const loaded = await loadRepoConfig(github, repository.defaultBranch);
  if (!loaded.ok) {
    if (intake.label.toLowerCase() !== loaded.label.toLowerCase()) return null;
    await github.upsertComment({ issue: intake.issue, key: "config-problems", body: renderConfigProblems(loaded.problems) });
    return null;
  }
  if (intake.label.toLowerCase() !== loaded.config.label.toLowerCase()) return null;
  const auth = await authorized(github, intake.sender, loaded.config.allowBots);
  if (!auth.ok) {
    const body = `Foreman did not start: ${auth.reason} A maintainer can add the \`${loaded.config.label}\` label instead.`;
    await github.upsertComment({ issue: intake.issue, key: `refused-label-${intake.sender.login}`, body });
    return null;
  }
  const cap = workflowCapRefusal(deps.store, intake.ref, intake.issue, deps.maxWorkflowsPerInstallation ?? DEFAULT_MAX_WORKFLOWS_PER_INSTALLATION);
  if (cap) {
    await github.upsertComment({ issue: intake.issue, key: "workflow-cap", body: `Foreman did not start: ${cap}` });
    return null;
  }
  const event: EngineEvent = {
    type: "start",
    ref: intake.ref,
    issue: intake.issue,
    issueTitle: intake.issueTitle,
    requester: intake.sender.login,
    config: loaded.config,
    defaultBranch: repository.defaultBranch,
  };
  return { workflowId: WorkflowId.toString({ ...intake.ref, issue: intake.issue }), event };
}

async function onComment(deps: WorkerDeps, github: RepoGitHub, intake: Of<"issue_comment">): Promise<Routed | null> {
  if (intake.sender.login === deps.botLogin) return null;
  const marker = intake.pullRequestBody === null ? null : parseTaskMarker(intake.pullRequestBody);
  if (intake.pullRequestBody !== null && !marker) return null;
  const issue = marker ? marker.issue : intake.issue;
  const id = WorkflowId.toString({ ...intake.ref, issue });
  const state = deps.store.getWorkflow(id)?.state ?? null;
  if (!state) return null;
  const task = marker ? state.tasks[marker.task] : undefined;
  if (marker && (!task || (task.pr !== null && task.pr !== intake.issue))) return null;
  const command = parseCommand(intake.body);
  if (!command) return onReply(github, state, intake, id);
  const auth = await authorized(github, intake.sender, state.config.allowBots);
  if (!auth.ok) {
    await github.react(intake.commentId, "-1");
    await github.upsertComment({ issue: intake.issue, key: `refused-${intake.commentId}`, body: `Foreman ignored \`/${command.name}\`: ${auth.reason}` });
    return null;
  }
  if (command.name === "retry" && !hasRetryable(state, marker?.task ?? null)) {
    await github.react(intake.commentId, "confused");
    const body = "There is nothing to retry: no task of this issue failed or is waiting for a human.";
    await github.upsertComment({ issue: intake.issue, key: `nothing-to-retry-${intake.commentId}`, body });
    return null;
  }
  await github.react(intake.commentId, "+1");
  const by = intake.sender.login;
  if (marker && task) {
    if (command.name === "approve") {
      const sha = await headToApprove(github, task, intake.issue);
      return sha === null ? null : { workflowId: id, event: { type: "approve_task", taskId: marker.task, by, sha, permission: auth.permission } };
    }
    if (command.name === "retry") return { workflowId: id, event: { type: "retry", by, taskId: marker.task } };
    if (command.name === "cancel") {
      // Closing the pull request is the cancellation; its `closed` webhook stops the task.
      await github.closePullRequest(intake.issue);
      return { workflowId: id, event: { type: "task_closed", taskId: marker.task } };
    }
    return null;
  }
  if (command.name === "approve") return { workflowId: id, event: { type: "approve_plan", by } };
  if (command.name === "plan") return { workflowId: id, event: { type: "replan", by, feedback: redactText(command.feedback) } };
  if (command.name === "cancel") return { workflowId: id, event: { type: "cancel", by } };
  return { workflowId: id, event: { type: "retry", by, taskId: null } };
}

function hasRetryable(state: WorkflowState, taskId: string | null): boolean {
  return Object.values(state.tasks).some((task) => isRetryable(task.status) && (taskId === null || task.id === taskId));
}

/**
 * The commit an `/approve` binds to: the head the workflow knows, which (webhooks being handled in
 * order) is the head when the comment was written, not a commit pushed since. Before the workflow
 * has learned of its pull request, the pull request's current head, if it is the task's branch.
 */
async function headToApprove(github: RepoGitHub, task: TaskRecord, pr: number): Promise<string | null> {
  if (task.pr === pr && task.headSha !== null) return task.headSha;
  const pull = await github.getPullRequest(pr);
  return pull.headRef === task.branch ? pull.headSha : null;
}

/** Answers to the engineer's questions count from whoever started the work, the issue's author, or a writer. */
async function mayAnswer(github: RepoGitHub, state: WorkflowState, sender: Sender): Promise<boolean> {
  if (sender.login === state.requester) return true;
  if ((await github.getIssue(state.issue)).author === sender.login) return true;
  return (await authorized(github, sender, state.config.allowBots)).ok;
}

async function onReply(github: RepoGitHub, state: WorkflowState, intake: Of<"issue_comment">, id: string): Promise<Routed | null> {
  if (state.phase !== "clarifying" || intake.pullRequestBody !== null) return null;
  if (!(await mayAnswer(github, state, intake.sender))) return null;
  // The answer is kept in the workflow's state, which the status comment publishes: secrets in it are redacted.
  return { workflowId: id, event: { type: "reply", author: intake.sender.login, body: redactText(intake.body) } };
}

function taskOf(intake: Intake & { headRef: string }): { workflowId: string; taskId: string } | null {
  const branch = parseTaskBranch(intake.headRef);
  return branch ? { workflowId: WorkflowId.toString({ ...intake.ref, issue: branch.issue }), taskId: branch.taskId } : null;
}

/** Turns a narrowed webhook into an engine event for one workflow, answering refusals on the way. */
export async function processIntake(deps: WorkerDeps, intake: Intake): Promise<Routed | null> {
  const github = await deps.github.forRepo(intake.ref);
  switch (intake.kind) {
    case "issue_labeled":
      return onLabel(deps, github, intake);
    case "issue_comment":
      return onComment(deps, github, intake);
    case "pr_synchronize": {
      const task = taskOf(intake);
      return task && { workflowId: task.workflowId, event: { type: "head_changed", taskId: task.taskId, sha: intake.sha, by: intake.sender.login } };
    }
    case "pr_closed": {
      const task = taskOf(intake);
      if (!task) return null;
      const event: EngineEvent = intake.merged ? { type: "task_merged", taskId: task.taskId, sha: intake.sha } : { type: "task_closed", taskId: task.taskId };
      return { workflowId: task.workflowId, event };
    }
    case "pr_dequeued": {
      const task = taskOf(intake);
      return task && { workflowId: task.workflowId, event: { type: "task_dequeued", taskId: task.taskId, reason: intake.reason } };
    }
    case "checks_completed":
      return onChecks(github, intake);
    case "merge_group":
      await reportMergeGroup(deps, github, intake);
      return null;
    case "pr_review":
      return onPullRequestReview(deps, github, intake);
    case "base_moved":
      await findConflicts(deps, github, intake);
      return null;
  }
}

async function onChecks(github: RepoGitHub, intake: Of<"checks_completed">): Promise<Routed | null> {
  const branch = intake.headBranch ? parseTaskBranch(intake.headBranch) : null;
  if (!branch) return null;
  const outcome = ciOutcome(await github.checksFor(intake.sha));
  if (!outcome) return null;
  const event: EngineEvent = { type: "ci_completed", taskId: branch.taskId, sha: intake.sha, ...outcome };
  return { workflowId: WorkflowId.toString({ ...intake.ref, issue: branch.issue }), event };
}
