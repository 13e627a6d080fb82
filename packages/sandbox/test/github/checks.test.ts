import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadOpenApiIndex, validateResponse, type OpenApiIndex } from "../../src/github/fidelity/rest.ts";
import type { CiCommand } from "../../src/github/state/types.ts";
import { startHarness, type Harness, expectFaithfulRun, requestFailure } from "./harness.ts";

const owner = "acme";
const repo = "calculator";
const LINT: CiCommand = { name: "lint", run: "echo linted", timeoutSeconds: 30 };

let h: Harness;
let openApi: OpenApiIndex;

beforeAll(() => {
  openApi = loadOpenApiIndex();
});

afterEach(async () => {
  await h.stop();
});

async function mainSha(): Promise<string> {
  return (await h.octokit.rest.git.getRef({ owner, repo, ref: "heads/main" })).data.object.sha;
}

describe("sandbox checks routes", () => {
  it("creates a check run with an external id in the app's own suite and sends check_run.created", async () => {
    h = await startHarness();
    const sha = await mainSha();

    const created = await h.octokit.rest.checks.create({
      owner,
      repo,
      name: "review",
      head_sha: sha,
      external_id: "task-7",
      status: "in_progress",
    });
    await h.sandbox.settle();

    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({
      name: "review",
      head_sha: sha,
      external_id: "task-7",
      status: "in_progress",
      conclusion: null,
      app: { id: h.app.id },
    });
    expect(validateResponse(openApi, "checks/create", 201, created.data)).toEqual([]);
    const suites = await h.octokit.rest.checks.listSuitesForRef({ owner, repo, ref: sha, app_id: h.app.id });
    expect(suites.data.check_suites).toHaveLength(1);
    expect(suites.data.check_suites[0]).toMatchObject({ id: created.data.check_suite?.id, head_branch: "main", status: "in_progress" });
    expect(validateResponse(openApi, "checks/list-suites-for-ref", 200, suites.data)).toEqual([]);
    const [hook] = h.receiver.named("check_run", "created");
    expect(hook?.payload).toMatchObject({
      check_run: { id: created.data.id, external_id: "task-7" },
      sender: { login: `${h.app.slug}[bot]` },
    });
    await expectFaithfulRun(h);
  });

  it("lists check runs by sha, branch and heads/ ref, filtered by check_name", async () => {
    h = await startHarness();
    const sha = await mainSha();
    await h.octokit.rest.checks.create({ owner, repo, name: "lint", head_sha: sha });
    await h.octokit.rest.checks.create({ owner, repo, name: "typecheck", head_sha: sha });

    const bySha = await h.octokit.rest.checks.listForRef({ owner, repo, ref: sha });
    const byBranch = await h.octokit.rest.checks.listForRef({ owner, repo, ref: "main" });
    const byHeads = await h.octokit.rest.checks.listForRef({ owner, repo, ref: "heads/main" });
    const byName = await h.octokit.rest.checks.listForRef({ owner, repo, ref: sha, check_name: "lint" });

    expect(bySha.data.total_count).toBe(2);
    expect(byBranch.data.check_runs.map((run) => run.name).sort()).toEqual(["lint", "typecheck"]);
    expect(byHeads.data.total_count).toBe(2);
    expect(byName.data.check_runs.map((run) => run.name)).toEqual(["lint"]);
    expect(validateResponse(openApi, "checks/list-for-ref", 200, bySha.data)).toEqual([]);
    await expectFaithfulRun(h);
  });

  it("completes a check run on update: annotations, check_run.completed, then check_suite.completed", async () => {
    h = await startHarness();
    const sha = await mainSha();
    const created = await h.octokit.rest.checks.create({ owner, repo, name: "review", head_sha: sha, status: "in_progress" });

    const updated = await h.octokit.rest.checks.update({
      owner,
      repo,
      check_run_id: created.data.id,
      conclusion: "failure",
      output: {
        title: "1 problem",
        summary: "The sum is wrong.",
        annotations: [{ path: "src/add.js", start_line: 1, end_line: 1, annotation_level: "failure", message: "should add" }],
      },
    });
    await h.sandbox.settle();

    expect(updated.data).toMatchObject({
      status: "completed",
      conclusion: "failure",
      output: { title: "1 problem", annotations_count: 1 },
    });
    expect(validateResponse(openApi, "checks/update", 200, updated.data)).toEqual([]);
    const annotations = await h.octokit.rest.checks.listAnnotations({ owner, repo, check_run_id: created.data.id });
    expect(annotations.data).toMatchObject([{ path: "src/add.js", start_line: 1, annotation_level: "failure", message: "should add" }]);
    expect(validateResponse(openApi, "checks/list-annotations", 200, annotations.data)).toEqual([]);
    expect(h.receiver.named("check_run", "completed")[0]?.payload).toMatchObject({
      check_run: { id: created.data.id, conclusion: "failure" },
    });
    expect(h.receiver.named("check_suite", "completed")[0]?.payload).toMatchObject({ check_suite: { conclusion: "failure" } });
    const suite = await h.octokit.rest.checks.getSuite({ owner, repo, check_suite_id: created.data.check_suite?.id ?? 0 });
    expect(suite.data).toMatchObject({ status: "completed", conclusion: "failure", latest_check_runs_count: 1 });
    expect(validateResponse(openApi, "checks/get-suite", 200, suite.data)).toEqual([]);
    await expectFaithfulRun(h);
  });

  it("sends created then completed for a check run created completed", async () => {
    h = await startHarness();

    await h.octokit.rest.checks.create({ owner, repo, name: "fast", head_sha: await mainSha(), conclusion: "success" });
    await h.sandbox.settle();

    const actions = h.receiver.received.map((hook) => `${hook.name}.${String(hook.payload.action)}`);
    expect(actions).toEqual(["check_run.created", "check_run.completed", "check_suite.completed"]);
    await expectFaithfulRun(h);
  });

  it("refuses with 422 a head_sha that is not a commit of the repository", async () => {
    h = await startHarness();

    const failure = await requestFailure(
      h.octokit.rest.checks.create({ owner, repo, name: "lint", head_sha: "0123456789abcdef0123456789abcdef01234567" }),
    );

    expect(failure).toMatchObject({ status: 422, message: "No commit found for SHA: 0123456789abcdef0123456789abcdef01234567" });
    expect(h.sandbox.store.checkSuites.size).toBe(0);
  });

  it("refuses with 422 to complete a check run without a conclusion", async () => {
    h = await startHarness();

    const failure = await requestFailure(
      h.octokit.rest.checks.create({ owner, repo, name: "lint", head_sha: await mainSha(), status: "completed" }),
    );

    expect(failure.status).toBe(422);
    expect(failure.message).toContain("conclusion");
  });

  it("re-runs every job when the GitHub Actions suite is re-requested", async () => {
    h = await startHarness({ ci: [LINT] });
    const sha = await mainSha();
    const first = await h.sandbox.core.ci?.trigger({ repo: h.repo, sha, event: "push", headBranch: "main", pullNumbers: [] });
    const suiteId = h.sandbox.store.workflowRuns.get(first?.workflowRunId ?? 0)?.checkSuiteId ?? 0;

    const rerequest = await h.octokit.rest.checks.rerequestSuite({ owner, repo, check_suite_id: suiteId });
    await h.sandbox.settle();

    expect(rerequest.status).toBe(201);
    const all = await h.octokit.rest.checks.listForRef({ owner, repo, ref: sha, filter: "all" });
    expect(all.data.check_runs.map((run) => run.conclusion)).toEqual(["success", "success"]);
    const run = await h.octokit.rest.actions.getWorkflowRun({ owner, repo, run_id: first?.workflowRunId ?? 0 });
    expect(run.data.run_attempt).toBe(2);
    expect(h.receiver.named("check_suite", "rerequested")).toEqual([]);
    await expectFaithfulRun(h);
  });

  it("sends check_suite.rerequested to the app that owns a re-requested suite", async () => {
    h = await startHarness();
    const created = await h.octokit.rest.checks.create({ owner, repo, name: "review", head_sha: await mainSha(), conclusion: "success" });

    await h.octokit.rest.checks.rerequestSuite({ owner, repo, check_suite_id: created.data.check_suite?.id ?? 0 });
    await h.sandbox.settle();

    expect(h.receiver.named("check_suite", "rerequested")[0]?.payload).toMatchObject({
      check_suite: { id: created.data.check_suite?.id, status: "queued" },
    });
    await expectFaithfulRun(h);
  });
});
