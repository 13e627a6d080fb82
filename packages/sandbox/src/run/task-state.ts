import type { CheckRun, PullRequest } from "../github/state/types.ts";
import type { AppCheckCondition, TaskCondition } from "../scenario/index.ts";
import { ciState, commentsOn, pullState, taskPull } from "./observe.ts";
import type { World } from "./world.ts";

const CHECKLIST_ITEM = /^\s*[-*]\s+\[[ xX]\]\s/;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The newest check run the app reported on a commit, optionally only those with one name. */
function appCheckOn(world: World, sha: string, name?: string): CheckRun | undefined {
  return world.github.store
    .checkRunsFor(world.repo.id, sha)
    .filter((run) => run.appId === world.app.id && (name === undefined || run.name === name))
    .sort((a, b) => b.id - a.id)[0];
}

/**
 * The task's line in the app's status comment: a checklist item (`- [ ]` or `- [x]`) naming the
 * task id as a whole word, in the most recently updated comment of the app's on the issue that has one.
 */
export function statusLineOf(world: World, task: string): string | undefined {
  const namesTask = new RegExp(`(^|[^A-Za-z0-9._-])${escapeRegExp(task)}($|[^A-Za-z0-9._-])`);
  const lines = commentsOn(world, "issue")
    .filter((comment) => comment.user.login === world.botLogin)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.id - a.id)
    .map((comment) => comment.body.split("\n").find((line) => CHECKLIST_ITEM.test(line) && namesTask.test(line)));
  return lines.find((line) => line !== undefined)?.trim();
}

function describeCheck(run: CheckRun): string {
  return `"${run.output.title ?? run.name}" (${run.status === "completed" ? (run.conclusion ?? "completed") : run.status})`;
}

function appCheckFailures(world: World, pull: PullRequest, expected: AppCheckCondition): string[] {
  const run = appCheckOn(world, pull.headSha, expected.name);
  const which = `the app's ${expected.name ? `${expected.name} ` : ""}check on its head`;
  if (!run) return [`${which}: none yet`];
  const problems = [
    expected.status !== undefined && run.status !== expected.status ? `status ${expected.status}` : null,
    expected.conclusion !== undefined && run.conclusion !== expected.conclusion ? `conclusion ${expected.conclusion}` : null,
    expected.title !== undefined && run.output.title !== expected.title ? `title "${expected.title}"` : null,
  ].filter((problem) => problem !== null);
  return problems.length === 0 ? [] : [`${which} is ${describeCheck(run)}, expected ${problems.join(", ")}`];
}

function pullFailures(world: World, pull: PullRequest, expected: TaskCondition): string[] {
  const state = pullState(pull, world);
  const checks = expected.checks === undefined ? undefined : ciState(world, pull.headSha);
  return [
    ...(expected.pullRequest !== undefined && expected.pullRequest !== state
      ? [`pull request #${pull.number} is ${state}, expected ${expected.pullRequest}`]
      : []),
    ...(checks !== undefined && checks !== expected.checks ? [`checks on its head are ${checks}, expected ${expected.checks}`] : []),
    ...(expected.appCheck ? appCheckFailures(world, pull, expected.appCheck) : []),
  ];
}

function statusLineFailures(world: World, expected: TaskCondition): string[] {
  if (expected.statusLine === undefined) return [];
  const line = statusLineOf(world, expected.id);
  if (line === undefined) return [`no line for it in the app's comments on the issue`];
  return line.includes(expected.statusLine)
    ? []
    : [`its status line ${JSON.stringify(line)} does not contain ${JSON.stringify(expected.statusLine)}`];
}

/** What does not hold of a task's expected state, in words; empty when it all holds. */
export function taskStateFailures(world: World, expected: TaskCondition): string[] {
  const pull = taskPull(world, expected.id);
  const pullSide = (() => {
    if (pull) return pullFailures(world, pull, expected);
    if (expected.pullRequest === "none") return [];
    const needsPull = expected.pullRequest !== undefined || expected.checks !== undefined || expected.appCheck !== undefined;
    return needsPull ? ["no pull request yet"] : [];
  })();
  return [...pullSide, ...statusLineFailures(world, expected)].map((failure) => `task ${expected.id}: ${failure}`);
}

export function taskStateHolds(world: World, expected: TaskCondition): boolean {
  return taskStateFailures(world, expected).length === 0;
}
