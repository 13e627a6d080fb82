import { latestJobs } from "../ci/attempt.ts";
import { actingAccount, paged, repoFrom, requireAccess, type RouteContext, type RouteTable } from "../context.ts";
import { serializeJob } from "../serializers/actions.ts";
import type { Repository, WorkflowJob, WorkflowRun } from "../state/types.ts";
import { requireReadPermission } from "./checks-access.ts";
import { jobOf, runnerOf, startRerun, workflowRunOf } from "./actions-access.ts";

function presentJob(context: RouteContext, repo: Repository, run: WorkflowRun, job: WorkflowJob): Record<string, unknown> {
  const command = repo.ci.find((candidate) => candidate.name === job.name)?.run ?? job.name;
  return serializeJob(context.core.urls, repo, run, job, command);
}

export const jobRoutes: RouteTable = {
  "actions/list-jobs-for-workflow-run": (context) => {
    const repo = repoFrom(context);
    requireReadPermission(context, "actions");
    const run = workflowRunOf(context, repo);
    const jobs = (context.query.get("filter") === "all" ? run.jobs : latestJobs(run)).slice().sort((a, b) => a.id - b.id);
    return paged(context, jobs, (page) => ({ total_count: jobs.length, jobs: page.map((job) => presentJob(context, repo, run, job)) }));
  },

  "actions/get-job-for-workflow-run": (context) => {
    const repo = repoFrom(context);
    requireReadPermission(context, "actions");
    const { run, job } = jobOf(context, repo);
    return { body: presentJob(context, repo, run, job) };
  },

  /** 302 to a short-lived link that serves the plain-text log without authentication. */
  "actions/download-job-logs-for-workflow-run": (context) => {
    const repo = repoFrom(context);
    requireReadPermission(context, "actions");
    const { job } = jobOf(context, repo);
    const location = runnerOf(context).logLinks.create(context.core.urls.api, job.log);
    return { status: 302, headers: { location } };
  },

  "actions/re-run-job-for-workflow-run": (context) => {
    const repo = repoFrom(context);
    requireAccess(context, repo, "actions", "write");
    const { run, job } = jobOf(context, repo);
    const runner = runnerOf(context);
    startRerun(() => runner.rerunJob(repo, run, job, actingAccount(context)));
    return { status: 201, body: {} };
  },
};
