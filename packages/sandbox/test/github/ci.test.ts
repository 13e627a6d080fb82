import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { annotationsFromLog } from "../../src/github/ci/annotations.ts";
import type { CiResult } from "../../src/github/core.ts";
import type { CiCommand, Repository } from "../../src/github/state/types.ts";
import { startHarness, type Harness } from "./harness.ts";

const owner = "acme";
const repo = "calculator";
const ADD = "export const add=(a,b)=>a+b;";
const BROKEN_ADD = "export const add=(a,b)=>a-b;";
const FILES = {
  "package.json": '{"type":"module"}',
  "add.js": ADD,
  "add.test.js":
    "import {test} from 'node:test'; import assert from 'node:assert'; import {add} from './add.js'; test('adds',()=>assert.equal(add(1,2),3));",
};
const NODE_TEST: CiCommand = { name: "test", run: "node --test", timeoutSeconds: 60 };

let h: Harness;

async function start(ci: CiCommand[]): Promise<void> {
  h = await startHarness({ files: FILES, ci });
}

async function mainSha(): Promise<string> {
  const sha = await h.repo.git.getRef("heads/main");
  if (!sha) throw new Error("no main branch");
  return sha;
}

/** Commits `add.js` with new content on a new branch and returns the commit. */
async function commitAdd(content: string, branch: string): Promise<string> {
  const git = h.repo.git;
  const parent = await git.getCommit(await mainSha());
  const tree = await git.createTree([{ path: "add.js", mode: "100644", type: "blob", content }], parent.tree);
  const author = { name: "Maya", email: "maya@example.com" };
  const sha = await git.createCommit({ message: "Change add", tree, parents: [parent.sha], author });
  await git.createRef(`heads/${branch}`, sha);
  return sha;
}

function trigger(sha: string, headBranch: string, target: Repository = h.repo): Promise<CiResult | null> {
  const ci = h.sandbox.core.ci;
  if (!ci) throw new Error("the sandbox has no CI service");
  return ci.trigger({ repo: target, sha, event: "pull_request", headBranch, pullNumbers: [] });
}

function logOf(jobId: number): string {
  const job = [...h.sandbox.store.workflowRuns.values()].flatMap((run) => run.jobs).find((candidate) => candidate.id === jobId);
  if (!job) throw new Error(`no job ${jobId}`);
  return job.log;
}

function expectFaithful(): void {
  expect(h.sandbox.webhooks.invalid()).toEqual([]);
  expect(h.sandbox.requestLog.rejected()).toEqual([]);
}

describe("sandbox CI runner", () => {
  afterEach(async () => {
    await h.stop();
  });

  it("passes a commit whose tests pass: suite, check run and workflow run succeed", async () => {
    await start([NODE_TEST]);
    const sha = await mainSha();

    const result = await trigger(sha, "main");
    await h.sandbox.settle();

    expect(result).toMatchObject({ sha, conclusion: "success", event: "pull_request" });
    const runs = await h.octokit.rest.checks.listForRef({ owner, repo, ref: sha });
    expect(runs.data.check_runs).toHaveLength(1);
    expect(runs.data.check_runs[0]).toMatchObject({
      name: "test",
      status: "completed",
      conclusion: "success",
      app: { slug: "github-actions" },
    });
    const suites = await h.octokit.rest.checks.listSuitesForRef({ owner, repo, ref: sha });
    expect(suites.data.check_suites[0]).toMatchObject({ status: "completed", conclusion: "success", app: { id: 15368 } });
    const run = await h.octokit.rest.actions.getWorkflowRun({ owner, repo, run_id: result?.workflowRunId ?? 0 });
    expect(run.data).toMatchObject({
      name: "CI",
      path: ".github/workflows/ci.yml",
      status: "completed",
      conclusion: "success",
      run_attempt: 1,
      head_sha: sha,
    });
    expect(h.receiver.named("check_run", "completed")[0]?.payload).toMatchObject({
      check_run: { conclusion: "success" },
      sender: { login: "github-actions[bot]" },
    });
    expect(h.receiver.named("check_suite", "completed")[0]?.payload).toMatchObject({ check_suite: { conclusion: "success" } });
    expect(h.receiver.named("workflow_run", "completed")[0]?.payload).toMatchObject({ workflow_run: { conclusion: "success" } });
    expect(h.receiver.named("workflow_run", "requested")).toHaveLength(1);
    expect(h.receiver.named("check_run", "created")).toHaveLength(1);
    expectFaithful();
  });

  it("fails a commit that breaks the test, annotating the test file and logging the assertion", async () => {
    await start([NODE_TEST]);
    const sha = await commitAdd(BROKEN_ADD, "broken");

    const result = await trigger(sha, "broken");
    await h.sandbox.settle();

    expect(result?.conclusion).toBe("failure");
    const [checkRun] = (await h.octokit.rest.checks.listForRef({ owner, repo, ref: "broken" })).data.check_runs;
    expect(checkRun).toMatchObject({ conclusion: "failure", output: { title: "test failed" } });
    const annotations = await h.octokit.rest.checks.listAnnotations({ owner, repo, check_run_id: checkRun?.id ?? 0 });
    const inTest = annotations.data.find((annotation) => annotation.path === "add.test.js");
    expect(inTest).toMatchObject({ start_line: 1, annotation_level: "failure" });
    expect(inTest?.message).toContain("AssertionError");
    expect(annotations.data.at(-1)).toMatchObject({ path: ".github", message: "Process completed with exit code 1." });
    const log = logOf(checkRun?.id ?? 0);
    expect(log).toContain("AssertionError");
    expect(log).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z ##\[group\]Run node --test$/m);
    expect(h.receiver.named("check_suite", "completed")[0]?.payload).toMatchObject({ check_suite: { conclusion: "failure" } });
    expectFaithful();
  });

  it("kills a command that outlives its timeout and concludes timed_out", async () => {
    await start([{ name: "hang", run: "sleep 30 & sleep 30", timeoutSeconds: 1 }]);
    const startedAt = Date.now();

    const result = await trigger(await mainSha(), "main");
    await h.sandbox.settle();

    expect(Date.now() - startedAt).toBeLessThan(10_000);
    expect(result?.conclusion).toBe("failure");
    const [checkRun] = (await h.octokit.rest.checks.listForRef({ owner, repo, ref: "main" })).data.check_runs;
    expect(checkRun).toMatchObject({ status: "completed", conclusion: "timed_out" });
    expect(h.receiver.named("check_suite", "completed")[0]?.payload).toMatchObject({ check_suite: { conclusion: "timed_out" } });
    expectFaithful();
  });

  it("creates no suite and sends nothing for a repository without CI commands", async () => {
    await start([]);

    const result = await trigger(await mainSha(), "main");
    await h.sandbox.settle();

    expect(result).toBeNull();
    expect(h.sandbox.store.checkSuites.size).toBe(0);
    expect(h.receiver.received).toEqual([]);
  });

  it("gives commands a minimal environment with the GitHub variables and no inherited secrets", async () => {
    process.env.SANDBOX_CI_TEST_SECRET = "leaked";
    try {
      await start([{ name: "env", run: "env | sort", timeoutSeconds: 30 }]);
      const sha = await mainSha();

      const result = await trigger(sha, "main");
      await h.sandbox.settle();

      const log = logOf(h.sandbox.store.workflowRuns.get(result?.workflowRunId ?? 0)?.jobs[0]?.id ?? 0);
      expect(log).toContain(" CI=true\n");
      expect(log).toContain(` GITHUB_SHA=${sha}\n`);
      expect(log).toContain(" GITHUB_EVENT_NAME=pull_request\n");
      expect(log).toContain(" SANDBOX_RUN_ATTEMPT=1\n");
      expect(log).not.toContain("SANDBOX_CI_TEST_SECRET");
    } finally {
      delete process.env.SANDBOX_CI_TEST_SECRET;
    }
  });

  it("runs the jobs of one run in order and two runs at the same time", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ci-order-"));
    const file = join(dir, "order");
    try {
      await start([
        {
          name: "first",
          run: `echo "start $GITHUB_SHA first" >> ${file}; sleep 1; echo "end $GITHUB_SHA first" >> ${file}`,
          timeoutSeconds: 30,
        },
        { name: "second", run: `echo "start $GITHUB_SHA second" >> ${file}`, timeoutSeconds: 30 },
      ]);
      const one = await mainSha();
      const two = await commitAdd("export const add=(a,b)=>b+a;", "other");

      await Promise.all([trigger(one, "main"), trigger(two, "other")]);
      await h.sandbox.settle();

      const lines = (await readFile(file, "utf8")).trim().split("\n");
      for (const sha of [one, two]) {
        const mine = lines.filter((line) => line.includes(sha)).map((line) => line.replace(` ${sha}`, ""));
        expect(mine).toEqual(["start first", "end first", "start second"]);
      }
      expect(lines.slice(0, 2).every((line) => line.startsWith("start") && line.endsWith("first"))).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("annotationsFromLog", () => {
  const checkout = "/tmp/sandbox-checkout-x";
  const exists = (path: string): boolean => ["src/add.ts", "test/add.test.js"].includes(path);

  it("annotates tsc errors and stack frames inside the checkout with their error message", () => {
    const lines = [
      "src/add.ts(3,7): error TS2322: Type 'string' is not assignable to type 'number'.",
      "AssertionError [ERR_ASSERTION]: 1 == 2",
      `    at TestContext.<anonymous> (file://${checkout}/test/add.test.js:12:5)`,
      "    at Test.run (node:internal/test_runner/test:1402:25)",
    ];

    const annotations = annotationsFromLog(lines, checkout, exists);

    expect(annotations).toEqual([
      {
        path: "src/add.ts",
        startLine: 3,
        endLine: 3,
        level: "failure",
        message: "error TS2322: Type 'string' is not assignable to type 'number'.",
        title: null,
      },
      {
        path: "test/add.test.js",
        startLine: 12,
        endLine: 12,
        level: "failure",
        message: "AssertionError [ERR_ASSERTION]: 1 == 2",
        title: null,
      },
    ]);
  });

  it("ignores locations outside the checkout, in node_modules or of files that do not exist", () => {
    const lines = ["at x (/usr/lib/node/a.js:1:1)", `at y (${checkout}/node_modules/p/add.ts:2:2)`, "lib/missing.js:4: oops"];

    expect(annotationsFromLog(lines, checkout, exists)).toEqual([]);
  });

  it("keeps at most the given number of annotations, one per file and line", () => {
    const lines = Array.from({ length: 80 }, (_, index) => `src/add.ts:${index + 1}:1 error here`);

    const annotations = annotationsFromLog([...lines, ...lines], checkout, exists, 50);

    expect(annotations).toHaveLength(50);
    expect(new Set(annotations.map((annotation) => annotation.startLine)).size).toBe(50);
  });
});
