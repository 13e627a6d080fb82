import type { CheckRun, IssueComment, PullRequest } from "../github/state/types.ts";
import type { World } from "./world.ts";

type Target = "issue" | { task: string };

export function taskBranch(world: World, task: string): string {
  return `foreman/${world.issueNumber}/${task}`;
}

/** The newest pull request for a task, found by its head branch. */
export function taskPull(world: World, task: string): PullRequest | undefined {
  const branch = taskBranch(world, task);
  return world.github.store
    .pullsOf(world.repo.id)
    .filter((pull) => pull.headRef === branch)
    .sort((a, b) => b.number - a.number)[0];
}

export function targetNumber(world: World, target: Target): number | undefined {
  return target === "issue" ? world.issueNumber : taskPull(world, target.task)?.number;
}

export function commentsOn(world: World, target: Target): IssueComment[] {
  const number = targetNumber(world, target);
  return number === undefined ? [] : world.github.store.commentsOn(world.repo.id, number);
}

/** The repository's own checks on a commit (not the app's), combined as GitHub shows them. */
export function ciState(world: World, sha: string): "success" | "failure" | "pending" {
  const all: CheckRun[] = world.github.store.checkRunsFor(world.repo.id, sha).filter((run) => run.appId !== world.app.id);
  // Like GitHub, only the latest run of each check counts (a re-run replaces the failed attempt).
  const latest = new Map<string, CheckRun>();
  for (const run of all) if ((latest.get(run.name)?.id ?? -1) < run.id) latest.set(run.name, run);
  const runs = [...latest.values()];
  if (runs.length === 0 || runs.some((run) => run.status !== "completed")) return "pending";
  return runs.every((run) => ["success", "neutral", "skipped"].includes(run.conclusion ?? "")) ? "success" : "failure";
}

export function pullState(pull: PullRequest, world: World): "open" | "merged" | "closed" {
  if (pull.merged) return "merged";
  return world.github.store.issue(world.repo.id, pull.number)?.state === "closed" ? "closed" : "open";
}
