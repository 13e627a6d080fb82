import { emitCheckSuite } from "../ci/check-events.ts";
import { resetSuite, runsOfSuite } from "../ci/check-model.ts";
import { checkSuiteParts, workflowRunOfSuite } from "../ci/payload-parts.ts";
import { CiRerunError, ciRunnerOf } from "../ci/runner.ts";
import { actingAccount, paged, repoFrom, requireAccess, type RouteContext, type RouteResult, type RouteTable } from "../context.ts";
import { ApiError } from "../errors.ts";
import { serializeCheckSuite } from "../serializers/checks.ts";
import type { CheckSuite, Repository } from "../state/types.ts";
import { checkSuiteOf, commitOfRef, queryInt, requireReadPermission } from "./checks-access.ts";

async function present(context: RouteContext, repo: Repository, suite: CheckSuite): Promise<Record<string, unknown>> {
  const { core } = context;
  return serializeCheckSuite(core.urls, repo, suite, await checkSuiteParts(core, repo, suite), core.openIssueCount(repo));
}

async function listSuitesForRef(context: RouteContext): Promise<RouteResult> {
  const repo = repoFrom(context);
  requireReadPermission(context, "checks");
  const sha = await commitOfRef(context, repo);
  const { store } = context.core;
  const appId = queryInt(context, "app_id");
  const name = context.query.get("check_name");
  const suites = store
    .checkSuitesFor(repo.id, sha)
    .filter(
      (suite) => (appId === null || suite.appId === appId) && (name === null || runsOfSuite(store, suite).some((run) => run.name === name)),
    )
    .sort((a, b) => a.id - b.id);
  const result = paged(context, suites);
  const page = result.body as CheckSuite[];
  const check_suites = await Promise.all(page.map((suite) => present(context, repo, suite)));
  return { ...result, body: { total_count: suites.length, check_suites } };
}

/**
 * Re-requesting the GitHub Actions suite re-runs all its jobs; any other app's suite goes back
 * to queued and its app (only) gets `check_suite.rerequested`.
 */
async function rerequestSuite(context: RouteContext): Promise<RouteResult> {
  const repo = repoFrom(context);
  requireAccess(context, repo, "checks", "write");
  const suite = checkSuiteOf(context, repo);
  const { core } = context;
  const workflowRun = workflowRunOfSuite(core, suite.id);
  const runner = ciRunnerOf(core);
  if (workflowRun && runner) {
    try {
      void runner.rerunAll(repo, workflowRun, actingAccount(context));
    } catch (error) {
      if (error instanceof CiRerunError) throw new ApiError(403, error.message);
      throw error;
    }
    return { status: 201, body: {} };
  }
  resetSuite(core.store, suite);
  await emitCheckSuite(core, repo, suite, "rerequested", actingAccount(context));
  return { status: 201, body: {} };
}

export const checkSuiteRoutes: RouteTable = {
  "checks/list-suites-for-ref": listSuitesForRef,
  "checks/get-suite": async (context) => {
    const repo = repoFrom(context);
    requireReadPermission(context, "checks");
    return { body: await present(context, repo, checkSuiteOf(context, repo)) };
  },
  "checks/rerequest-suite": rerequestSuite,
};
