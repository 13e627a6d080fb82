import { CiRerunError, ciRunnerOf, type CiRunner } from "../ci/runner.ts";
import { intParam, type RouteContext } from "../context.ts";
import { ApiError, notFound } from "../errors.ts";
import type { Repository, WorkflowJob, WorkflowRun } from "../state/types.ts";

/** The sandbox's Actions runner; without one no workflow run exists, so everything is 404. */
export function runnerOf(context: RouteContext): CiRunner {
  const runner = ciRunnerOf(context.core);
  if (!runner) throw notFound();
  return runner;
}

export function workflowRunOf(context: RouteContext, repo: Repository): WorkflowRun {
  const run = context.core.store.workflowRuns.get(intParam(context, "run_id"));
  if (!run || run.repoId !== repo.id) throw notFound();
  return run;
}

export function jobOf(context: RouteContext, repo: Repository): { run: WorkflowRun; job: WorkflowJob } {
  const jobId = intParam(context, "job_id");
  for (const run of context.core.store.workflowRuns.values()) {
    if (run.repoId !== repo.id) continue;
    const job = run.jobs.find((candidate) => candidate.id === jobId);
    if (job) return { run, job };
  }
  throw notFound();
}

/** Starts a re-run in the background; a re-run GitHub refuses is answered 403. */
export function startRerun(start: () => Promise<unknown>): void {
  try {
    void start();
  } catch (error) {
    if (error instanceof CiRerunError) throw new ApiError(403, error.message);
    throw error;
  }
}
