import { actingAccount, paged, repoFrom, requireAccess, type RouteContext, type RouteResult, type RouteTable } from "../context.ts";
import { serializeWorkflowRun } from "../serializers/actions.ts";
import type { Repository, WorkflowRun } from "../state/types.ts";
import { requireReadPermission } from "./checks-access.ts";
import { runnerOf, startRerun, workflowRunOf } from "./actions-access.ts";

const RUN_STATUSES = new Set(["queued", "in_progress", "completed", "requested", "waiting", "pending"]);

async function presentRun(context: RouteContext, repo: Repository, run: WorkflowRun): Promise<Record<string, unknown>> {
  const parts = await runnerOf(context).workflows.parts(repo, run);
  return serializeWorkflowRun(context.core.urls, repo, run, parts);
}

/** GitHub's `status` filter takes a status or a conclusion. */
function matchesStatus(run: WorkflowRun, status: string | null): boolean {
  if (status === null || status === "") return true;
  return RUN_STATUSES.has(status) ? run.status === status : run.conclusion === status;
}

function matches(context: RouteContext, run: WorkflowRun): boolean {
  const { query } = context;
  const headSha = query.get("head_sha");
  const branch = query.get("branch");
  const event = query.get("event");
  return (
    (headSha === null || run.headSha === headSha) &&
    (branch === null || run.headBranch === branch) &&
    (event === null || run.event === event) &&
    matchesStatus(run, query.get("status"))
  );
}

async function listRuns(context: RouteContext): Promise<RouteResult> {
  const repo = repoFrom(context);
  requireReadPermission(context, "actions");
  const runs = [...context.core.store.workflowRuns.values()]
    .filter((run) => run.repoId === repo.id && matches(context, run))
    .sort((a, b) => b.id - a.id);
  const result = paged(context, runs);
  const workflow_runs = await Promise.all((result.body as WorkflowRun[]).map((run) => presentRun(context, repo, run)));
  return { ...result, body: { total_count: runs.length, workflow_runs } };
}

export const workflowRunRoutes: RouteTable = {
  "actions/list-workflow-runs-for-repo": listRuns,
  "actions/get-workflow-run": async (context) => {
    const repo = repoFrom(context);
    requireReadPermission(context, "actions");
    return { body: await presentRun(context, repo, workflowRunOf(context, repo)) };
  },
  "actions/re-run-workflow-failed-jobs": (context) => {
    const repo = repoFrom(context);
    requireAccess(context, repo, "actions", "write");
    const run = workflowRunOf(context, repo);
    const runner = runnerOf(context);
    startRerun(() => runner.rerunFailedJobs(repo, run, actingAccount(context)));
    return { status: 201, body: {} };
  },
};
