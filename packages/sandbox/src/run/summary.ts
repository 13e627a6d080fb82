import { ACTIONS_APP_ID } from "../github/ci/actions-app.ts";
import { executeJob } from "../github/ci/job-executor.ts";
import type { RequestLogEntry } from "../github/request-log.ts";
import type { World } from "./world.ts";

const GIT_DATA_WRITES = new Set(["git/create-tree", "git/create-commit", "git/create-ref", "git/update-ref", "git/create-blob"]);

/** A write that makes a commit or moves a branch to one: a Git Data write, or GraphQL's `createCommitOnBranch`. */
export function isCommitWrite(entry: RequestLogEntry): boolean {
  if (entry.operationId === null || entry.status >= 400) return false;
  if (GIT_DATA_WRITES.has(entry.operationId)) return true;
  return entry.operationId === "graphql" && entry.write && JSON.stringify(entry.body ?? "").includes("createCommitOnBranch");
}

/** Requests of git's smart HTTP (a clone or fetch of the repository), not of GitHub's API. */
const GIT_FETCHES = new Set(["git/advertise", "git/upload-pack"]);

export interface RunFigures {
  taskIds: string[];
  pullRequests: number;
  merged: number;
  /** Calls of GitHub's REST and GraphQL API by the app (its git fetches are `gitFetches`). */
  apiCalls: number;
  apiWrites: number;
  /** Requests of git's smart HTTP by the app: the workspace cloning and fetching the repository. */
  gitFetches: number;
  graphqlCalls: number;
  /** Writes that made the task branches' commits: Git Data writes and `createCommitOnBranch` mutations. */
  gitDataWrites: number;
  gitDataWritesPerTask: number;
  modelCalls: number;
  promptTokens: number;
  completionTokens: number;
  webhooks: number;
  seconds: number;
  rejectedCalls: number;
  invalidWebhooks: number;
  defaultBranchCi: boolean | null;
  /** Completed CI runs (check suites of GitHub Actions) on the task branches. */
  ciRuns: number;
  /** Those that did not succeed. */
  redCiRuns: number;
  /** Seconds the CI jobs of those runs took, summed. */
  ciSeconds: number;
}

/** The completed GitHub Actions check suites of the task branches, and how long their jobs ran. */
function taskCi(world: World, prefix: string): Pick<RunFigures, "ciRuns" | "redCiRuns" | "ciSeconds"> {
  const { store } = world.github;
  const suites = [...store.checkSuites.values()].filter(
    (suite) =>
      suite.repoId === world.repo.id &&
      suite.appId === ACTIONS_APP_ID &&
      suite.status === "completed" &&
      (suite.headBranch ?? "").startsWith(prefix),
  );
  const ids = new Set(suites.map((suite) => suite.id));
  const runs = [...store.checkRuns.values()].filter((run) => ids.has(run.suiteId) && run.completedAt !== null);
  const millis = runs.reduce((sum, run) => sum + (Date.parse(run.completedAt ?? run.startedAt) - Date.parse(run.startedAt)), 0);
  return {
    ciRuns: suites.length,
    redCiRuns: suites.filter((suite) => suite.conclusion !== "success").length,
    ciSeconds: Math.round(millis / 100) / 10,
  };
}

/** Runs the repository's CI commands on the default branch's head, exactly as the sandbox CI runs them. */
async function defaultBranchPasses(world: World): Promise<boolean | null> {
  if (world.repo.ci.length === 0) return null;
  const sha = await world.repo.git.resolve(world.repo.defaultBranch);
  if (!sha) return false;
  for (const command of world.repo.ci) {
    const outcome = await executeJob({ repo: world.repo, sha, command, variables: {}, now: () => new Date() });
    if (outcome.conclusion !== "success") return false;
  }
  return true;
}

export async function collectFigures(world: World, startedAt: number, withCi: boolean): Promise<RunFigures> {
  const prefix = `foreman/${world.issueNumber}/`;
  const pulls = world.github.store.pullsOf(world.repo.id).filter((pull) => pull.headRef.startsWith(prefix));
  const taskIds = [...new Set(pulls.map((pull) => pull.headRef.slice(prefix.length)))];
  const byApp = world.github.requestLog.all().filter((entry) => entry.actor === world.botLogin || entry.actor === world.app.slug);
  const calls = byApp.filter((entry) => entry.operationId === null || !GIT_FETCHES.has(entry.operationId));
  const gitDataWrites = calls.filter(isCommitWrite).length;
  const requests = world.model?.requests() ?? [];
  return {
    taskIds,
    pullRequests: pulls.length,
    merged: pulls.filter((pull) => pull.merged).length,
    apiCalls: calls.length,
    apiWrites: calls.filter((entry) => entry.write).length,
    gitFetches: byApp.length - calls.length,
    graphqlCalls: calls.filter((entry) => entry.operationId === "graphql").length,
    gitDataWrites,
    gitDataWritesPerTask: taskIds.length === 0 ? 0 : gitDataWrites / taskIds.length,
    modelCalls: requests.length,
    promptTokens: requests.reduce((sum, request) => sum + (request.usage?.prompt_tokens ?? 0), 0),
    completionTokens: requests.reduce((sum, request) => sum + (request.usage?.completion_tokens ?? 0), 0),
    webhooks: world.github.webhooks.deliveries().length,
    seconds: Math.round((Date.now() - startedAt) / 100) / 10,
    rejectedCalls: world.github.requestLog.rejected().length,
    invalidWebhooks: world.github.webhooks.invalid().length,
    defaultBranchCi: withCi ? await defaultBranchPasses(world) : null,
    ...taskCi(world, prefix),
  };
}
