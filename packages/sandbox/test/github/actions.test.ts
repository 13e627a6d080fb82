import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { CiResult } from "../../src/github/core.ts";
import { loadOpenApiIndex, validateResponse, type OpenApiIndex } from "../../src/github/fidelity/rest.ts";
import type { CiCommand } from "../../src/github/state/types.ts";
import { startHarness, type Harness } from "./harness.ts";

const owner = "acme";
const repo = "calculator";
const FILES = {
  "package.json": '{"type":"module"}',
  "add.js": "export const add=(a,b)=>a+b;",
  "add.test.js":
    "import {test} from 'node:test'; import assert from 'node:assert'; import {add} from './add.js'; test('adds',()=>assert.equal(add(1,2),3));",
};
const LINT: CiCommand = { name: "lint", run: "echo linted", timeoutSeconds: 30 };
/** Fails on the first attempt and runs the real tests on re-runs: a flaky job. */
const FLAKY_TEST: CiCommand = { name: "test", run: 'test "$SANDBOX_RUN_ATTEMPT" -gt 1 && node --test', timeoutSeconds: 60 };

let h: Harness;
let openApi: OpenApiIndex;
let clockOffsetMs = 0;

beforeAll(() => {
  openApi = loadOpenApiIndex();
});

afterEach(async () => {
  await h.stop();
  clockOffsetMs = 0;
});

async function start(ci: CiCommand[]): Promise<void> {
  h = await startHarness({ files: FILES, ci }, { now: () => new Date(Date.now() + clockOffsetMs) });
}

/** Runs the repository's CI on main and waits until everything it sends has been delivered. */
async function runCiOnMain(): Promise<CiResult> {
  const sha = await h.repo.git.getRef("heads/main");
  const result = await h.sandbox.core.ci?.trigger({ repo: h.repo, sha: sha ?? "", event: "push", headBranch: "main", pullNumbers: [] });
  await h.sandbox.settle();
  if (!result) throw new Error("CI did not run");
  return result;
}

function expectFaithful(): void {
  expect(h.sandbox.webhooks.invalid()).toEqual([]);
  expect(h.sandbox.requestLog.rejected()).toEqual([]);
}

describe("sandbox Actions routes", () => {
  it("lists the workflow run and its jobs with steps, in GitHub's documented shapes", async () => {
    await start([LINT]);
    const { workflowRunId, sha } = await runCiOnMain();

    const runs = await h.octokit.rest.actions.listWorkflowRunsForRepo({ owner, repo, head_sha: sha, status: "success" });
    const run = await h.octokit.rest.actions.getWorkflowRun({ owner, repo, run_id: workflowRunId });
    const jobs = await h.octokit.rest.actions.listJobsForWorkflowRun({ owner, repo, run_id: workflowRunId });
    const job = await h.octokit.rest.actions.getJobForWorkflowRun({ owner, repo, job_id: jobs.data.jobs[0]?.id ?? 0 });

    expect(runs.data.total_count).toBe(1);
    expect(runs.data.workflow_runs[0]).toMatchObject({ id: workflowRunId, event: "push", head_branch: "main", run_number: 1 });
    expect(jobs.data.jobs).toHaveLength(1);
    expect(job.data).toMatchObject({ name: "lint", status: "completed", conclusion: "success", run_id: workflowRunId });
    expect(job.data.steps?.map((step) => step.name)).toEqual(["Set up job", "Run echo linted", "Complete job"]);
    expect(validateResponse(openApi, "actions/list-workflow-runs-for-repo", 200, runs.data)).toEqual([]);
    expect(validateResponse(openApi, "actions/get-workflow-run", 200, run.data)).toEqual([]);
    expect(validateResponse(openApi, "actions/list-jobs-for-workflow-run", 200, jobs.data)).toEqual([]);
    expect(validateResponse(openApi, "actions/get-job-for-workflow-run", 200, job.data)).toEqual([]);
    expect((await h.octokit.rest.actions.listWorkflowRunsForRepo({ owner, repo, branch: "other" })).data.total_count).toBe(0);
    expectFaithful();
  });

  it("redirects a log download to a link that serves the log without auth until it expires", async () => {
    await start([LINT]);
    const { workflowRunId } = await runCiOnMain();
    const [job] = (await h.octokit.rest.actions.listJobsForWorkflowRun({ owner, repo, run_id: workflowRunId })).data.jobs;

    const download = await h.octokit.request("GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs", {
      owner,
      repo,
      job_id: job?.id ?? 0,
      request: { redirect: "manual" },
    });
    const location = String(download.headers.location);
    const fresh = await fetch(location);
    const freshText = await fresh.text();
    clockOffsetMs = 61_000;
    const expired = await fetch(location);
    await expired.arrayBuffer();

    expect(download.status).toBe(302);
    expect(location.startsWith(`${h.sandbox.url}/_sandbox/logs/`)).toBe(true);
    expect(fresh.status).toBe(200);
    expect(freshText).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z linted$/m);
    expect([403, 404]).toContain(expired.status);
    expectFaithful();
  });

  it("re-runs only the failed jobs as attempt 2, which passes on its second attempt", async () => {
    await start([LINT, FLAKY_TEST]);
    const results: CiResult[] = [];
    h.sandbox.core.ci?.onCompleted((result) => results.push(result));
    const first = await runCiOnMain();

    const rerun = await h.octokit.rest.actions.reRunWorkflowFailedJobs({ owner, repo, run_id: first.workflowRunId });
    await h.sandbox.settle();

    expect(first.conclusion).toBe("failure");
    expect(rerun.status).toBe(201);
    const run = await h.octokit.rest.actions.getWorkflowRun({ owner, repo, run_id: first.workflowRunId });
    expect(run.data).toMatchObject({ run_attempt: 2, status: "completed", conclusion: "success" });
    const latest = await h.octokit.rest.actions.listJobsForWorkflowRun({ owner, repo, run_id: first.workflowRunId });
    expect(latest.data.jobs.map((job) => [job.name, job.run_attempt, job.conclusion])).toEqual([
      ["lint", 1, "success"],
      ["test", 2, "success"],
    ]);
    const all = await h.octokit.rest.actions.listJobsForWorkflowRun({ owner, repo, run_id: first.workflowRunId, filter: "all" });
    expect(all.data.total_count).toBe(3);
    const suite = await h.octokit.rest.checks.getSuite({ owner, repo, check_suite_id: run.data.check_suite_id ?? 0 });
    expect(suite.data).toMatchObject({ status: "completed", conclusion: "success" });
    expect(results.map((result) => result.conclusion)).toEqual(["failure", "success"]);
    const completions = h.receiver.named("workflow_run", "completed").map((hook) => hook.payload.workflow_run);
    expect(completions).toMatchObject([
      { run_attempt: 1, conclusion: "failure" },
      { run_attempt: 2, conclusion: "success" },
    ]);
    expect(h.receiver.named("check_suite", "completed")).toHaveLength(2);
    expectFaithful();
  });

  it("re-runs a single job in a new attempt", async () => {
    await start([LINT]);
    const { workflowRunId } = await runCiOnMain();
    const [job] = (await h.octokit.rest.actions.listJobsForWorkflowRun({ owner, repo, run_id: workflowRunId })).data.jobs;

    const rerun = await h.octokit.rest.actions.reRunJobForWorkflowRun({ owner, repo, job_id: job?.id ?? 0 });
    await h.sandbox.settle();

    expect(rerun.status).toBe(201);
    const [rerunJob] = (await h.octokit.rest.actions.listJobsForWorkflowRun({ owner, repo, run_id: workflowRunId })).data.jobs;
    expect(rerunJob).toMatchObject({ name: "lint", run_attempt: 2, conclusion: "success" });
    expect(rerunJob?.id).not.toBe(job?.id);
    expectFaithful();
  });

  it("refuses with 403 to re-run failed jobs of a run that has none", async () => {
    await start([LINT]);
    const { workflowRunId } = await runCiOnMain();

    const failure = await h.octokit.rest.actions.reRunWorkflowFailedJobs({ owner, repo, run_id: workflowRunId }).then(
      () => null,
      (error: unknown) => error as { status: number },
    );

    expect(failure?.status).toBe(403);
    const run = await h.octokit.rest.actions.getWorkflowRun({ owner, repo, run_id: workflowRunId });
    expect(run.data.run_attempt).toBe(1);
  });
});
