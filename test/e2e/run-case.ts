import { join } from "node:path";
import { commentsOn, runScenario, type RunOptions, type RunResult, type World, loadScenario } from "@foreman/sandbox";
import { foremanUnderTest } from "../../demo/foreman-under-test.ts";

/** Each case gets a minute: the runs take seconds, the margin covers a busy machine. */
export const CASE_TIMEOUT_MS = 60_000;

export function scenarioPath(name: string): string {
  return join(import.meta.dirname, "scenarios", name);
}

/** Loads `scenarios/<name>` and runs it end to end against the real app process. */
export async function runCase(name: string, options: Omit<RunOptions, "app"> = {}): Promise<RunResult> {
  return runScenario(await loadScenario(scenarioPath(name)), { app: foremanUnderTest, ...options });
}

/** What to read when a run fails: its failures, the timeline, the tail of the app's log and what the test observed. */
export function explain(result: Pick<RunResult, "failures" | "timeline" | "appLogTail"> & { observed?: unknown }): string {
  return [
    `failures:\n${result.failures.map((failure) => `  - ${failure}`).join("\n")}`,
    `timeline:\n${result.timeline.join("\n")}`,
    `app log (tail):\n${result.appLogTail}`,
    ...(result.observed === undefined ? [] : [`observed:\n${JSON.stringify(result.observed, null, 2)}`]),
  ].join("\n\n");
}

/** The bodies of the app's comments on the issue or on a task's pull request, oldest first. */
export function appComments(world: World, on: "issue" | { task: string }): string[] {
  return commentsOn(world, on)
    .filter((comment) => comment.user.login === world.botLogin)
    .map((comment) => comment.body);
}

/** The app's `Foreman` check on a commit (newest first), as title and summary. */
export function foremanChecks(
  world: World,
  sha: string,
): { status: string; conclusion: string | null; title: string | null; summary: string | null }[] {
  return world.github.store
    .checkRunsFor(world.repo.id, sha)
    .filter((run) => run.appId === world.app.id && run.name === "Foreman")
    .sort((a, b) => b.id - a.id)
    .map((run) => ({ status: run.status, conclusion: run.conclusion, title: run.output.title, summary: run.output.summary }));
}
