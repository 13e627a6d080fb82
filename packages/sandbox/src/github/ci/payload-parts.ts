import type { SandboxCore } from "../core.ts";
import { jobHtmlUrl } from "../serializers/actions.ts";
import type { CheckRunParts, CheckSuiteParts } from "../serializers/checks.ts";
import { repositoryFullName } from "../serializers/repository.ts";
import { repoApi, type Urls } from "../serializers/urls.ts";
import type { CheckRun, CheckSuite, PullRequest, Repository, SandboxApp, WorkflowRun } from "../state/types.ts";
import { ensureActionsApp } from "./actions-app.ts";
import { latestRuns, runsOfSuite } from "./check-model.ts";

/** GitHub's `pull-request-minimal`, as check runs, suites and workflow runs list them. */
function minimalPull(urls: Urls, repo: Repository, pull: PullRequest): Record<string, unknown> {
  const repoRef = { id: repo.id, url: repoApi(urls, repositoryFullName(repo)), name: repo.name };
  return {
    url: `${repoApi(urls, repositoryFullName(repo))}/pulls/${pull.number}`,
    id: pull.id,
    number: pull.number,
    head: { ref: pull.headRef, sha: pull.headSha, repo: repoRef },
    base: { ref: pull.baseRef, sha: pull.baseSha, repo: repoRef },
  };
}

function isOpen(core: SandboxCore, pull: PullRequest): boolean {
  return !pull.merged && core.store.issue(pull.repoId, pull.number)?.state === "open";
}

/** Open pull requests whose head is the commit or the branch. */
function pullsForCommit(core: SandboxCore, repo: Repository, sha: string, branch: string | null): Array<Record<string, unknown>> {
  return core.store
    .pullsOf(repo.id)
    .filter((pull) => isOpen(core, pull) && (pull.headSha === sha || (branch !== null && pull.headRef === branch)))
    .sort((a, b) => a.number - b.number)
    .map((pull) => minimalPull(core.urls, repo, pull));
}

export function pullsByNumber(core: SandboxCore, repo: Repository, numbers: readonly number[]): Array<Record<string, unknown>> {
  return numbers
    .map((number) => core.store.pull(repo.id, number))
    .filter((pull): pull is PullRequest => pull !== undefined)
    .map((pull) => minimalPull(core.urls, repo, pull));
}

function appOf(core: SandboxCore, appId: number): SandboxApp {
  return core.store.apps.get(appId) ?? ensureActionsApp(core.store);
}

export function workflowRunOfSuite(core: SandboxCore, suiteId: number): WorkflowRun | undefined {
  return [...core.store.workflowRuns.values()].find((run) => run.checkSuiteId === suiteId);
}

function suitePulls(core: SandboxCore, repo: Repository, suite: CheckSuite): Array<Record<string, unknown>> {
  const workflowRun = workflowRunOfSuite(core, suite.id);
  return workflowRun ? pullsByNumber(core, repo, workflowRun.pullNumbers) : pullsForCommit(core, repo, suite.headSha, suite.headBranch);
}

export function checkRunParts(core: SandboxCore, repo: Repository, run: CheckRun): CheckRunParts {
  const suite = core.store.checkSuites.get(run.suiteId);
  if (!suite) throw new Error(`check run ${run.id} has no suite ${run.suiteId}`);
  const workflowRun = workflowRunOfSuite(core, suite.id);
  const job = workflowRun?.jobs.find((candidate) => candidate.checkRunId === run.id);
  return {
    app: appOf(core, run.appId),
    suite,
    pulls: suitePulls(core, repo, suite),
    ...(workflowRun && job ? { htmlUrl: jobHtmlUrl(core.urls, repo, workflowRun.id, job.id) } : {}),
  };
}

export async function checkSuiteParts(core: SandboxCore, repo: Repository, suite: CheckSuite): Promise<CheckSuiteParts> {
  return {
    app: appOf(core, suite.appId),
    pulls: suitePulls(core, repo, suite),
    headCommit: await repo.git.getCommit(suite.headSha),
    latestRunCount: latestRuns(runsOfSuite(core.store, suite)).length,
  };
}
