import type { StepCondition } from "../scenario/index.ts";
import { ciState, commentsOn, pullState, taskPull } from "./observe.ts";
import { taskStateHolds } from "./task-state.ts";
import type { World } from "./world.ts";

function pullHolds(world: World, condition: NonNullable<StepCondition["pullRequest"]>): boolean {
  const pull = taskPull(world, condition.task);
  if (!pull) return false;
  if (condition.state && pullState(pull, world) !== condition.state) return false;
  return !condition.checks || ciState(world, pull.headSha) === condition.checks;
}

function commentHolds(world: World, condition: NonNullable<StepCondition["commentContains"]>): boolean {
  return commentsOn(world, condition.on).some(
    (comment) => comment.body.includes(condition.text) && (!condition.author || comment.user.login === condition.author),
  );
}

function issueHolds(world: World, condition: NonNullable<StepCondition["issue"]>): boolean {
  const issue = world.github.store.issue(world.repo.id, world.issueNumber);
  if (!issue) return false;
  if (condition.state && issue.state !== condition.state) return false;
  const labels = new Set(issue.labels.map((label) => label.toLowerCase()));
  if (condition.labels?.some((label) => !labels.has(label.toLowerCase()))) return false;
  return !condition.labelsAbsent?.some((label) => labels.has(label.toLowerCase()));
}

function queueHolds(world: World, condition: NonNullable<StepCondition["mergeQueue"]>): boolean {
  const pull = taskPull(world, condition.task);
  if (!pull) return false;
  const queued = [...world.github.store.queueEntries.values()].some(
    (entry) => entry.repoId === world.repo.id && entry.pullNumber === pull.number,
  );
  if (condition.state === "queued") return queued;
  if (condition.state === "merged") return pull.merged;
  return !queued && !pull.merged;
}

/** Whether every condition given holds right now. */
export function conditionHolds(world: World, condition: StepCondition): boolean {
  return (
    (!condition.pullRequest || pullHolds(world, condition.pullRequest)) &&
    (!condition.commentContains || commentHolds(world, condition.commentContains)) &&
    (!condition.issue || issueHolds(world, condition.issue)) &&
    (!condition.mergeQueue || queueHolds(world, condition.mergeQueue)) &&
    (!condition.task || taskStateHolds(world, condition.task))
  );
}
