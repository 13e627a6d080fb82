import { randomUUID } from "node:crypto";
import type { CiResult, SandboxCore } from "../core.ts";
import { jobHtmlUrl } from "../serializers/actions.ts";
import { encodeNodeId } from "../state/store.ts";
import type { CheckRun, CheckSuite, CiCommand, Repository, WorkflowJob, WorkflowRun } from "../state/types.ts";
import { actionsBot } from "./actions-app.ts";
import { emitCheckRun, emitCheckSuite, emitWorkflowRun } from "./check-events.ts";
import { addCheckRun, recomputeSuite, worstConclusion } from "./check-model.ts";
import { executeJob } from "./job-executor.ts";
import type { ConcurrencyLimiter } from "./limiter.ts";
import type { WorkflowRegistry } from "./workflows.ts";

export interface AttemptContext {
  core: SandboxCore;
  registry: WorkflowRegistry;
  limiter: ConcurrencyLimiter;
}

/** Queues a job of the run's current attempt, with its check run in the run's suite (same id, as on GitHub). */
export function queueJob(core: SandboxCore, repo: Repository, run: WorkflowRun, suite: CheckSuite, name: string): WorkflowJob {
  const now = core.store.timestamp();
  const checkRun = addCheckRun(core.store, suite, {
    name,
    externalId: randomUUID(),
    detailsUrl: null,
    status: "queued",
    conclusion: null,
    startedAt: now,
    completedAt: null,
    output: { title: null, summary: null, text: null, annotations: [] },
  });
  checkRun.detailsUrl = jobHtmlUrl(core.urls, repo, run.id, checkRun.id);
  const job: WorkflowJob = {
    id: checkRun.id,
    nodeId: encodeNodeId("CR", checkRun.id),
    runId: run.id,
    runAttempt: run.runAttempt,
    name,
    checkRunId: checkRun.id,
    status: "queued",
    conclusion: null,
    startedAt: now,
    completedAt: null,
    log: "",
  };
  run.jobs.push(job);
  return job;
}

/** The latest attempt of each job: what `filter=latest` lists and what decides the run's conclusion. */
export function latestJobs(run: WorkflowRun): WorkflowJob[] {
  const latest = new Map<string, WorkflowJob>();
  for (const job of run.jobs) {
    const seen = latest.get(job.name);
    if (!seen || job.runAttempt > seen.runAttempt || (job.runAttempt === seen.runAttempt && job.id > seen.id)) latest.set(job.name, job);
  }
  return [...latest.values()];
}

function runVariables(repo: Repository, run: WorkflowRun, command: CiCommand): Record<string, string> {
  const pull = run.pullNumbers[0];
  const ref =
    run.event === "pull_request" && pull !== undefined ? `refs/pull/${pull}/merge` : run.headBranch ? `refs/heads/${run.headBranch}` : "";
  return {
    GITHUB_ACTIONS: "true",
    GITHUB_SHA: run.headSha,
    GITHUB_REF: ref,
    GITHUB_EVENT_NAME: run.event,
    GITHUB_REPOSITORY: `${repo.owner.login}/${repo.name}`,
    GITHUB_RUN_ID: String(run.id),
    GITHUB_RUN_NUMBER: String(run.runNumber),
    GITHUB_RUN_ATTEMPT: String(run.runAttempt),
    GITHUB_JOB: command.name,
    SANDBOX_RUN_ATTEMPT: String(run.runAttempt),
  };
}

function checkRunOf(core: SandboxCore, job: WorkflowJob): CheckRun {
  const checkRun = core.store.checkRuns.get(job.checkRunId);
  if (!checkRun) throw new Error(`job ${job.id} has no check run`);
  return checkRun;
}

async function runJob(ctx: AttemptContext, repo: Repository, run: WorkflowRun, suite: CheckSuite, job: WorkflowJob): Promise<void> {
  const { core } = ctx;
  const checkRun = checkRunOf(core, job);
  const command = repo.ci.find((candidate) => candidate.name === job.name) ?? { name: job.name, run: "exit 1", timeoutSeconds: 60 };
  job.status = "in_progress";
  job.startedAt = core.store.timestamp();
  checkRun.status = "in_progress";
  checkRun.startedAt = job.startedAt;
  recomputeSuite(core.store, suite);
  const outcome = await executeJob({ repo, sha: run.headSha, command, variables: runVariables(repo, run, command), now: core.store.now });
  const completedAt = core.store.timestamp();
  job.status = "completed";
  job.conclusion = outcome.conclusion;
  job.completedAt = completedAt;
  job.log = outcome.log;
  checkRun.status = "completed";
  checkRun.conclusion = outcome.conclusion;
  checkRun.completedAt = completedAt;
  checkRun.output = { ...outcome.output, annotations: outcome.annotations };
  const bot = actionsBot(core.store);
  emitCheckRun(core, repo, checkRun, "completed", bot);
  if (recomputeSuite(core.store, suite)) await emitCheckSuite(core, repo, suite, "completed", bot);
}

/**
 * Runs the queued jobs of a workflow run's current attempt, one after another, once a runner
 * slot is free; then completes the run. Sends what GitHub sends along the way.
 */
export async function executeAttempt(ctx: AttemptContext, repo: Repository, run: WorkflowRun, jobs: WorkflowJob[]): Promise<CiResult> {
  const { core, registry } = ctx;
  const bot = actionsBot(core.store);
  const suite = core.store.checkSuites.get(run.checkSuiteId);
  if (!suite) throw new Error(`workflow run ${run.id} has no check suite`);
  await emitWorkflowRun(core, registry, repo, run, "requested", bot);
  for (const job of jobs) emitCheckRun(core, repo, checkRunOf(core, job), "created", bot);
  await ctx.limiter.run(async () => {
    run.status = "in_progress";
    run.updatedAt = core.store.timestamp();
    await emitWorkflowRun(core, registry, repo, run, "in_progress", bot);
    for (const job of jobs) await runJob(ctx, repo, run, suite, job);
  });
  const conclusion = worstConclusion(latestJobs(run).map((job) => job.conclusion ?? "failure"));
  run.status = "completed";
  run.conclusion = conclusion;
  run.updatedAt = core.store.timestamp();
  await emitWorkflowRun(core, registry, repo, run, "completed", bot);
  return {
    repoId: repo.id,
    sha: run.headSha,
    event: run.event,
    conclusion: conclusion === "success" ? "success" : "failure",
    workflowRunId: run.id,
  };
}
