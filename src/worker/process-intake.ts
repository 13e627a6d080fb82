import { WorkflowId } from "../domain/ids.ts";
import { DeliveryWritesKey } from "../domain/keys.ts";
import type { EngineEvent } from "../engine/events.ts";
import type { RepoGitHub } from "../ports/github.ts";
import { isAppLogin } from "../ports/github-types.ts";
import { parseTaskBranch } from "../render/index.ts";
import { ciOutcome } from "./ci-outcome.ts";
import type { WorkerDeps } from "./deps.ts";
import { performWrites } from "./effect-runner.ts";
import type { Intake } from "./intake.ts";
import { findConflicts } from "./intake/base-moved.ts";
import { planComment } from "./intake/command.ts";
import { planLabel } from "./intake/label.ts";
import { planNotTask } from "./intake/not-task.ts";
import { planReview } from "./intake/review.ts";
import { planIssueClosed, planPullRequestClosed, planPullRequestReopened } from "./intake/stop.ts";
import { NOTHING, routeTo, type IntakePlan, type Routed } from "./intake/routed.ts";
import { planMergeGroup } from "./merge-group.ts";

type Of<K extends Intake["kind"]> = Extract<Intake, { kind: K }>;

/** The task a pull request or check is about, by its branch; null for any other branch. */
function taskOf(intake: Intake, headRef: string | null): { workflowId: string; taskId: string } | null {
  const branch = headRef === null ? null : parseTaskBranch(headRef);
  return branch ? { workflowId: WorkflowId.toString({ ...intake.ref, issue: branch.issue }), taskId: branch.taskId } : null;
}

function routeToTask(intake: Intake, headRef: string | null, event: (taskId: string) => EngineEvent): IntakePlan {
  const task = taskOf(intake, headRef);
  return task ? routeTo(task.workflowId, event(task.taskId)) : NOTHING;
}

/** CI finished on a task's head: the repository's checks decide. Foreman's own check suite finishing (its verdicts) is not CI. */
async function planChecks(deps: WorkerDeps, github: RepoGitHub, intake: Of<"checks_completed">): Promise<IntakePlan> {
  const task = taskOf(intake, intake.headBranch);
  if (!task || (intake.suiteApp !== null && isAppLogin(intake.suiteApp, deps.botLogin))) return NOTHING;
  const outcome = ciOutcome(await github.checksFor(intake.sha));
  return outcome ? routeTo(task.workflowId, { type: "ci_completed", taskId: task.taskId, sha: intake.sha, ...outcome }) : NOTHING;
}

/** What to answer a narrowed webhook and which engine event it means; reads GitHub, writes nothing. */
async function planIntake(deps: WorkerDeps, github: RepoGitHub, intake: Intake): Promise<IntakePlan> {
  switch (intake.kind) {
    case "issue_labeled":
      return planLabel(deps, github, intake);
    case "issue_comment":
      return planComment(deps, github, intake);
    case "pr_synchronize":
      return routeToTask(intake, intake.headRef, (taskId) => ({ type: "head_changed", taskId, sha: intake.sha, by: intake.sender.login }));
    case "issue_closed":
      return planIssueClosed(deps, github, intake);
    case "pr_closed":
      return planPullRequestClosed(deps, intake);
    case "pr_reopened":
      return planPullRequestReopened(deps, intake);
    case "pr_dequeued":
      return routeToTask(intake, intake.headRef, (taskId) => ({ type: "task_dequeued", taskId, reason: intake.reason }));
    case "checks_completed":
      return planChecks(deps, github, intake);
    case "merge_group":
      return planMergeGroup(deps, github, intake);
    case "pr_not_task":
      return planNotTask(deps, github, intake);
    case "pr_review":
      return planReview(deps, github, intake);
    case "base_moved":
      await findConflicts(deps, github, intake);
      return NOTHING;
  }
}

/**
 * Turns a narrowed webhook into an engine event for one workflow. The answers on the way (a
 * refusal, a reaction, a closed pull request, a merge group's check) are written through the
 * effect runner, once per delivery: a retried or redelivered job does not write them again.
 */
export async function processIntake(deps: WorkerDeps, intake: Intake): Promise<Routed | null> {
  const github = await deps.github.forRepo(intake.ref);
  const plan = await planIntake(deps, github, intake);
  if (plan.about !== null) {
    const actor = "sender" in intake ? intake.sender.login : null;
    await performWrites(deps, github, {
      ...plan.about,
      key: DeliveryWritesKey.toString(intake.deliveryId),
      actor,
      deliveryId: intake.deliveryId,
      writes: plan.writes,
    });
  }
  return plan.routed;
}
