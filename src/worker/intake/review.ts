import { WorkflowId } from "../../domain/ids.ts";
import { isAwaitingRequirements } from "../../engine/decide-awaiting.ts";
import { redactText } from "../../policy/sanitize.ts";
import type { RepoGitHub } from "../../ports/github.ts";
import { isAppLogin } from "../../ports/github-types.ts";
import { parseTaskBranch } from "../../render/index.ts";
import type { WorkerDeps } from "../deps.ts";
import type { Intake } from "../intake.ts";
import { authorize } from "./authorized.ts";
import { NOTHING, routeTo, type IntakePlan } from "./routed.ts";

/**
 * A review or inline review comment on a task's pull request, only from a writer: text from anyone
 * else never reaches the model, and Foreman's own reviews are skipped. A writer's approving review
 * approves the commit it was given on (G1); other reviews and review comments go to the coder.
 */
export async function planReview(
  deps: WorkerDeps,
  github: RepoGitHub,
  intake: Extract<Intake, { kind: "pr_review" }>,
): Promise<IntakePlan> {
  if (isAppLogin(intake.sender.login, deps.botLogin)) return NOTHING;
  const approving = intake.review?.state === "approved";
  if (!approving && intake.body.trim() === "") return NOTHING;
  const branch = parseTaskBranch(intake.headRef);
  if (!branch) return NOTHING;
  const id = WorkflowId.toString({ ...intake.ref, issue: branch.issue });
  const state = deps.store.getWorkflow(id)?.state;
  if (!state || state.tasks[branch.taskId]?.pr !== intake.pr) return NOTHING;
  // An approving review may be what the base branch's rules wait for, whoever gave it and whatever it approves for Foreman.
  const task = state.tasks[branch.taskId];
  const orNothing =
    approving && task && isAwaitingRequirements(task) ? routeTo(id, { type: "requirements_changed", taskId: task.id }) : NOTHING;
  const auth = await authorize(github, intake.sender, state.config.allowBots);
  if (!auth.ok) {
    deps.log.info({ workflowId: id, sender: intake.sender.login }, "review from a non-writer ignored");
    return orNothing;
  }
  const by = intake.sender.login;
  if (approving && !state.config.approval.nativeReviews) {
    // The repository approves with `/approve` only; the review's text is not a change request.
    deps.log.info({ workflowId: id, sender: by }, "approving review ignored: approval.nativeReviews is false");
    return orNothing;
  }
  if (approving && intake.review) {
    return routeTo(id, { type: "approve_task", taskId: branch.taskId, by, sha: intake.review.commitId, permission: auth.permission });
  }
  const reply = intake.commentId === null ? { kind: "conversation" as const } : { kind: "thread" as const, commentId: intake.commentId };
  return routeTo(id, { type: "human_feedback", taskId: branch.taskId, by, body: redactText(intake.body), reply });
}
