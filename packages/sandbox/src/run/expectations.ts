import { duplicateKinds, type FileExpectation, type ScenarioExpectation } from "../scenario/index.ts";
import { commentCountFailures } from "./comment-counts.ts";
import { duplicateFailures } from "./duplicates.ts";
import { commentsOn, pullState, taskPull } from "./observe.ts";
import { taskStateFailures } from "./task-state.ts";
import type { RunFigures } from "./summary.ts";
import type { World } from "./world.ts";

const asList = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

async function fileFailures(world: World, path: string, expected: FileExpectation): Promise<string[]> {
  const file = await world.repo.git.readFile(world.repo.defaultBranch, path);
  const text = file?.content.toString("utf8") ?? null;
  const where = `${world.repo.defaultBranch}:${path}`;
  if (expected.exists === false) return text === null ? [] : [`${where} should not exist`];
  if (text === null) return [`${where} does not exist`];
  return [
    ...asList(expected.contains)
      .filter((part) => !text.includes(part))
      .map((part) => `${where} does not contain ${JSON.stringify(part)}`),
    ...asList(expected.notContains)
      .filter((part) => text.includes(part))
      .map((part) => `${where} contains ${JSON.stringify(part)}`),
    ...(expected.equals !== undefined && text !== expected.equals ? [`${where} differs from the expected content`] : []),
  ];
}

function sameSet(label: string, actual: string[], expected: string[] | undefined): string[] {
  if (!expected) return [];
  const a = [...actual].sort().join(", ");
  const e = [...expected].sort().join(", ");
  return a === e ? [] : [`${label}: expected [${e}], got [${a}]`];
}

function issueFailures(world: World, expected: NonNullable<ScenarioExpectation["issue"]>): string[] {
  const issue = world.github.store.issue(world.repo.id, world.issueNumber);
  const bodies = commentsOn(world, "issue").map((comment) => comment.body);
  return [
    ...(expected.state && issue?.state !== expected.state ? [`issue state: expected ${expected.state}, got ${issue?.state}`] : []),
    ...sameSet("issue labels", issue?.labels ?? [], expected.labels),
    ...(expected.commentsContain ?? [])
      .filter((text) => !bodies.some((body) => body.includes(text)))
      .map((text) => `no issue comment contains ${JSON.stringify(text)}`),
    ...(expected.commentsNotContain ?? [])
      .filter((text) => bodies.some((body) => body.includes(text)))
      .map((text) => `an issue comment contains ${JSON.stringify(text)}`),
  ];
}

function pullFailures(world: World, expected: NonNullable<ScenarioExpectation["pullRequests"]>, taskIds: string[]): string[] {
  const byState = (state: string): string[] =>
    taskIds.filter((id) => {
      const pull = taskPull(world, id);
      return pull !== undefined && pullState(pull, world) === state;
    });
  const opened = world.github.store.pullsOf(world.repo.id).filter((pull) => pull.headRef.startsWith(`foreman/${world.issueNumber}/`));
  return [
    ...sameSet("merged pull requests", byState("merged"), expected.merged),
    ...sameSet("open pull requests", byState("open"), expected.open),
    ...sameSet("closed pull requests", byState("closed"), expected.closed),
    ...(expected.count !== undefined && opened.length !== expected.count
      ? [`pull requests opened: expected ${expected.count}, got ${opened.length}`]
      : []),
  ];
}

function modelFailures(world: World, expected: ScenarioExpectation["model"]): string[] {
  const model = world.model;
  if (!model) return [];
  const failures: string[] = [];
  if (model.unmatched().length !== expected.unmatched)
    failures.push(`unmatched model requests: expected ${expected.unmatched}, got ${model.unmatched().length}`);
  if (expected.remaining !== undefined && model.remaining().length !== expected.remaining) {
    failures.push(`unused scripted answers: expected ${expected.remaining}, got ${model.remaining().length}`);
  }
  for (const [role, count] of Object.entries(expected.requests ?? {})) {
    const actual = model.requests().filter((request) => request.role === role).length;
    if (actual !== count) failures.push(`${role} requests: expected ${count}, got ${actual}`);
  }
  return failures;
}

/**
 * Everything in `expect` that does not hold now, in words. Running the default branch's CI is
 * slow, so while a run is polled (`defaultBranchCi` null) that one expectation is left for the end.
 */
export async function expectationFailures(world: World, figures: RunFigures): Promise<string[]> {
  const expected = world.scenario.expect;
  const failures: string[] = [];
  if (expected.issue) failures.push(...issueFailures(world, expected.issue));
  if (expected.pullRequests) failures.push(...pullFailures(world, expected.pullRequests, figures.taskIds));
  for (const [path, file] of Object.entries(expected.defaultBranch?.files ?? {})) failures.push(...(await fileFailures(world, path, file)));
  failures.push(...commentCountFailures(world, expected.comments ?? []));
  failures.push(...(expected.tasks ?? []).flatMap((task) => taskStateFailures(world, task)));
  failures.push(...(await duplicateFailures(world, duplicateKinds(expected.noDuplicates))));
  const ciRan = figures.defaultBranchCi !== null;
  if (ciRan && expected.defaultBranch?.ciPasses !== undefined && figures.defaultBranchCi !== expected.defaultBranch.ciPasses) {
    failures.push(`CI on the default branch: expected ${expected.defaultBranch.ciPasses ? "pass" : "fail"}`);
  }
  failures.push(...modelFailures(world, expected.model));
  if (figures.rejectedCalls !== expected.sandbox.rejectedCalls)
    failures.push(`rejected GitHub calls: expected ${expected.sandbox.rejectedCalls}, got ${figures.rejectedCalls}`);
  for (const delivery of world.github.webhooks.invalid().slice(0, 5)) {
    failures.push(`webhook ${delivery.event}.${delivery.action ?? ""} fails GitHub's schema: ${delivery.problems.slice(0, 3).join("; ")}`);
  }
  if (expected.gitDataWritesPerTask !== undefined && figures.gitDataWritesPerTask > expected.gitDataWritesPerTask) {
    failures.push(
      `commit writes per task (Git Data and createCommitOnBranch): expected at most ${expected.gitDataWritesPerTask}, got ${figures.gitDataWritesPerTask}`,
    );
  }
  return failures;
}
