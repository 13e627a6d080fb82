import type { CiRequest, CiResult, CiService, SandboxCore } from "../core.ts";
import { encodeNodeId } from "../state/store.ts";
import type { Account, Repository, WorkflowJob, WorkflowRun } from "../state/types.ts";
import { ACTIONS_APP_ID, actionsBot, ensureActionsApp } from "./actions-app.ts";
import { executeAttempt, latestJobs, queueJob, type AttemptContext } from "./attempt.ts";
import { emitCheckSuite } from "./check-events.ts";
import { createSuite, recomputeSuite, resetSuite } from "./check-model.ts";
import { ConcurrencyLimiter } from "./limiter.ts";
import { LogLinks } from "./log-links.ts";
import { WORKFLOW_NAME, WORKFLOW_PATH, WorkflowRegistry } from "./workflows.ts";

export interface CiRunnerOptions {
  /** Workflow runs executing at once; jobs of one run always run one after another. Default 2. */
  maxConcurrentRuns?: number;
  /** How long a log download link works. Default 60 seconds, as GitHub's. */
  logUrlTtlSeconds?: number;
}

export type CiRerunRefusal = "running" | "nothing-failed";

/** A re-run GitHub would refuse (answered 403 by the Actions routes). */
export class CiRerunError extends Error {
  readonly reason: CiRerunRefusal;

  constructor(reason: CiRerunRefusal, message: string) {
    super(message);
    this.name = "CiRerunError";
    this.reason = reason;
  }
}

const FAILED = new Set(["failure", "timed_out", "cancelled", "action_required", "startup_failure"]);

/**
 * The sandbox's GitHub Actions: runs a repository's CI commands for real on a commit, as one
 * workflow run with one job per command, under the GitHub Actions app's check suite.
 */
export class CiRunner implements CiService {
  readonly logLinks: LogLinks;
  readonly workflows: WorkflowRegistry;
  private readonly core: SandboxCore;
  private readonly context: AttemptContext;
  private readonly listeners: Array<(result: CiResult) => void> = [];

  constructor(core: SandboxCore, options: CiRunnerOptions = {}) {
    this.core = core;
    this.workflows = new WorkflowRegistry(core);
    this.logLinks = new LogLinks(core.store.now, (options.logUrlTtlSeconds ?? 60) * 1000);
    this.context = { core, registry: this.workflows, limiter: new ConcurrencyLimiter(options.maxConcurrentRuns ?? 2) };
  }

  onCompleted(listener: (result: CiResult) => void): void {
    this.listeners.push(listener);
  }

  /** Starts a workflow run for the commit; `null` (and nothing sent) when the repository has no CI. */
  trigger(request: CiRequest): Promise<CiResult | null> {
    const { repo } = request;
    if (repo.ci.length === 0) return Promise.resolve(null);
    const { store } = this.core;
    ensureActionsApp(store);
    const suite = createSuite(store, repo, ACTIONS_APP_ID, request.sha, request.headBranch);
    const id = store.nextId();
    const now = store.timestamp();
    const run: WorkflowRun = {
      repoId: repo.id,
      id,
      nodeId: encodeNodeId("WFR", id),
      name: WORKFLOW_NAME,
      path: WORKFLOW_PATH,
      headSha: request.sha,
      headBranch: request.headBranch,
      event: request.event,
      status: "queued",
      conclusion: null,
      runAttempt: 1,
      runNumber: [...store.workflowRuns.values()].filter((other) => other.repoId === repo.id).length + 1,
      checkSuiteId: suite.id,
      pullNumbers: [...request.pullNumbers],
      jobs: [],
      createdAt: now,
      updatedAt: now,
    };
    store.workflowRuns.set(id, run);
    this.workflows.workflowFor(repo);
    const jobs = repo.ci.map((command) => queueJob(this.core, repo, run, suite, command.name));
    return this.start(repo, run, jobs);
  }

  /** `POST …/actions/runs/{id}/rerun-failed-jobs`: a new attempt of the failed jobs only. */
  rerunFailedJobs(repo: Repository, run: WorkflowRun, actor?: Account): Promise<CiResult> {
    this.requireCompleted(run);
    const failed = latestJobs(run).filter((job) => job.conclusion !== null && FAILED.has(job.conclusion));
    if (failed.length === 0) throw new CiRerunError("nothing-failed", "This workflow run has no failed jobs to re-run.");
    return this.newAttempt(repo, run, failed, actor);
  }

  /** `POST …/actions/jobs/{id}/rerun`: a new attempt of that one job. */
  rerunJob(repo: Repository, run: WorkflowRun, job: WorkflowJob, actor?: Account): Promise<CiResult> {
    this.requireCompleted(run);
    return this.newAttempt(repo, run, [job], actor);
  }

  /** A new attempt of every job, as re-requesting the Actions check suite does. */
  rerunAll(repo: Repository, run: WorkflowRun, actor?: Account): Promise<CiResult> {
    this.requireCompleted(run);
    return this.newAttempt(repo, run, latestJobs(run), actor);
  }

  private requireCompleted(run: WorkflowRun): void {
    if (run.status !== "completed") throw new CiRerunError("running", "This workflow is already running");
  }

  private newAttempt(repo: Repository, run: WorkflowRun, previous: WorkflowJob[], actor: Account | undefined): Promise<CiResult> {
    const { store } = this.core;
    const suite = store.checkSuites.get(run.checkSuiteId);
    if (!suite) throw new Error(`workflow run ${run.id} has no check suite`);
    run.runAttempt += 1;
    run.status = "queued";
    run.conclusion = null;
    run.updatedAt = store.timestamp();
    if (actor) this.workflows.setTriggeringActor(run, actor);
    resetSuite(store, suite);
    const jobs = previous.map((job) => queueJob(this.core, repo, run, suite, job.name));
    return this.start(repo, run, jobs);
  }

  /** Runs the attempt in the background (so `settle()` waits for it) and tells listeners its result. */
  private start(repo: Repository, run: WorkflowRun, jobs: WorkflowJob[]): Promise<CiResult> {
    const done = executeAttempt(this.context, repo, run, jobs)
      .catch((error: unknown) => this.abandon(repo, run, error))
      .then((result) => {
        this.notify(result);
        return result;
      });
    this.core.spawn(() => done);
    return done;
  }

  /** Completes a run whose attempt broke inside the sandbox as failed, so nobody waits forever. */
  private async abandon(repo: Repository, run: WorkflowRun, error: unknown): Promise<CiResult> {
    this.core.logger.error({ err: error, runId: run.id }, "sandbox CI run failed");
    const { store } = this.core;
    for (const job of run.jobs.filter((candidate) => candidate.status !== "completed")) {
      job.status = "completed";
      job.conclusion = "failure";
      job.completedAt = store.timestamp();
      const checkRun = store.checkRuns.get(job.checkRunId);
      if (!checkRun) continue;
      checkRun.status = "completed";
      checkRun.conclusion = "failure";
      checkRun.completedAt = job.completedAt;
    }
    run.status = "completed";
    run.conclusion = "failure";
    const suite = store.checkSuites.get(run.checkSuiteId);
    if (suite && recomputeSuite(store, suite))
      await emitCheckSuite(this.core, repo, suite, "completed", actionsBot(store)).catch(() => undefined);
    return { repoId: repo.id, sha: run.headSha, event: run.event, conclusion: "failure", workflowRunId: run.id };
  }

  private notify(result: CiResult): void {
    for (const listener of this.listeners) {
      try {
        listener(result);
      } catch (error) {
        this.core.logger.error({ err: error }, "sandbox CI listener failed");
      }
    }
  }
}

/** The core's CI service when it is the sandbox's runner (the Actions routes need its extras). */
export function ciRunnerOf(core: SandboxCore): CiRunner | null {
  return core.ci instanceof CiRunner ? core.ci : null;
}
