import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { OctokitRepoGitHub } from "../../src/adapters/github/octokit-github.ts";
import { createModel } from "../../src/adapters/model/create-model.ts";
import type { EngineEvent } from "../../src/engine/events.ts";
import type { WorkflowState } from "../../src/engine/types.ts";
import type { FileChange } from "../../src/ports/github.ts";
import type { ModelPort } from "../../src/ports/model.ts";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.ts";
import type { WorkerDeps } from "../../src/worker/deps.ts";
import { runTaskJob } from "../../src/worker/task-job.ts";
import { executingWorkflow } from "../reliability/reconcile-fixture.ts";
import { plain } from "./adapters/port-text.ts";
import { refusingEndpoint } from "./refusing-endpoint.ts";
import { startHarness, type Harness } from "@foreman/sandbox/harness";

const owner = "acme";
const repo = "calculator";
const BRANCH = "foreman/1/mean";
const MEAN = "export const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;\n";

let h: Harness;
let github: OctokitRepoGitHub;
let store: SqliteStore;

afterEach(async () => {
  store.close();
  expect(h.sandbox.requestLog.rejected()).toEqual([]);
  await h.stop();
});

/** A coder that answers every request with a new `src/mean.js`, written whole. */
const coder: ModelPort = {
  complete: () =>
    Promise.resolve({
      content: JSON.stringify({ summary: "Adds mean().", edits: [{ path: "src/mean.js", action: "create", content: MEAN }] }),
      model: "m",
      promptTokens: 10,
      completionTokens: 10,
      finishReason: "stop",
      toolCalls: [],
    }),
};

async function start(): Promise<WorkerDeps> {
  h = await startHarness({
    files: { "README.md": "# calculator\n", "src/add.js": "export const add = (a, b) => a + b;\n" },
    requiredChecks: [],
  });
  github = new OctokitRepoGitHub(h.octokit, { owner, repo, appLogin: `${h.app.slug}[bot]` });
  store = new SqliteStore(":memory:");
  return {
    store,
    github: { installations: () => Promise.resolve([1]), repositories: () => Promise.resolve([]), forRepo: () => Promise.resolve(github) },
    model: coder,
    log: pino({ level: "silent" }),
    now: () => Date.now(),
    botLogin: `${h.app.slug}[bot]`,
    modelFor: () => "m",
  };
}

/** A commit of Foreman's on the task's branch, on top of its head. */
async function ours(changes: FileChange[]): Promise<string> {
  const head = await github.branchHead(BRANCH);
  const base = head ?? (await github.repository()).headSha;
  return (await github.commitOnBranch({ branch: BRANCH, expectedHead: head, baseSha: base, message: plain("Foreman's commit"), changes }))
    .sha;
}

/** A commit of maya's, a writer, on top of the branch's head. */
async function hers(changes: FileChange[]): Promise<string> {
  h.sandbox.setPermission(h.repo, "maya", "write");
  const maya = new OctokitRepoGitHub(h.userOctokit("maya"), { owner, repo, appLogin: `${h.app.slug}[bot]` });
  const head = (await maya.branchHead(BRANCH)) ?? "";
  return (await maya.commitOnBranch({ branch: BRANCH, expectedHead: head, baseSha: head, message: plain("A human's commit"), changes }))
    .sha;
}

/** The workflow with task `mean` on its second attempt (a `/retry`), its branch holding `ownCommits` of Foreman's. */
async function secondAttempt(deps: WorkerDeps, head: string, ownCommits: string[]): Promise<void> {
  const pull = await github.ensurePullRequest({ head: BRANCH, base: "main", title: "[#1] Add mean", body: "Part of #1." });
  const state = executingWorkflow();
  const mean = state.tasks.mean;
  if (!mean) throw new Error("the fixture has no task mean");
  const coding: WorkflowState = {
    ...state,
    tasks: { ...state.tasks, mean: { ...mean, status: "coding", attempts: 2, branch: BRANCH, pr: pull.number, headSha: head, ownCommits } },
  };
  deps.store.saveWorkflow(state.id, coding, 0, true);
}

function reported(): EngineEvent | undefined {
  const job = store.leaseJob("test", Number.MAX_SAFE_INTEGER, 1);
  return (job?.payload as { event?: EngineEvent } | undefined)?.event;
}

async function fileAt(sha: string, path: string): Promise<string | null> {
  return (await github.readFiles(sha, [path]))[path] ?? null;
}

async function parentsOf(sha: string): Promise<string[]> {
  const { data } = await h.octokit.rest.git.getCommit({ owner, repo, commit_sha: sha });
  return data.parents.map((parent) => parent.sha);
}

const run = (deps: WorkerDeps): Promise<void> => runTaskJob(deps, { workflowId: "acme/stats#1", taskId: "mean", attempt: 2 });

describe("a fresh attempt of a task whose branch already has commits (G2, G3)", () => {
  it("starts afresh from the default branch when every commit on the branch is Foreman's", async () => {
    const deps = await start();
    const first = await ours([
      { path: "src/mean.js", content: "export const mean = () => 0;\n" },
      { path: "src/scratch.js", content: "// a file of the first attempt\n" },
    ]);
    await secondAttempt(deps, first, [first]);

    await run(deps);
    const event = reported();
    const head = (await github.branchHead(BRANCH)) ?? "";

    expect(event).toMatchObject({ type: "task_published", headSha: head });
    expect(await parentsOf(head)).toEqual([first]);
    expect(await fileAt(head, "src/mean.js")).toBe(MEAN);
    expect(await fileAt(head, "src/scratch.js")).toBeNull();
  });

  it("keeps what a human pushed in between: the coder starts from the branch's files, and the commit goes on top", async () => {
    const deps = await start();
    const first = await ours([{ path: "src/mean.js", content: "export const mean = () => 0;\n" }]);
    await hers([{ path: "test/mean.test.js", content: "// maya's test of mean()\n" }]);
    const fix = await ours([{ path: "src/mean.js", content: "export const mean = () => 1;\n" }]);
    await secondAttempt(deps, fix, [first, fix]);

    await run(deps);
    const event = reported();
    const head = (await github.branchHead(BRANCH)) ?? "";

    expect(event).toMatchObject({ type: "task_published", headSha: head });
    expect(await parentsOf(head)).toEqual([fix]);
    expect(await fileAt(head, "src/mean.js")).toBe(MEAN);
    expect(await fileAt(head, "test/mean.test.js")).toBe("// maya's test of mean()\n");
  });
});

describe("a task whose coder's model call the endpoint refuses", () => {
  it("reports what the operator must fix to the workflow instead of failing the job, and commits nothing", async () => {
    const deps = await start();
    const first = await ours([{ path: "src/mean.js", content: "export const mean = () => 0;\n" }]);
    await secondAttempt(deps, first, [first]);
    const endpoint = await refusingEndpoint();
    const provider = {
      name: "default",
      baseUrl: endpoint.url,
      apiKeyEnv: "FOREMAN_LLM_API_KEY",
      apiKey: "sk-wrong",
      structuredOutput: "json_object" as const,
      toolCalling: true,
    };
    const model = createModel({ providers: [provider], timeoutMs: 10_000, log: pino({ level: "silent" }) });

    await run({ ...deps, model });

    expect(reported()).toEqual({
      type: "model_refused",
      role: "coder",
      taskId: "mean",
      refusals: [{ provider: "default", keyVariable: "FOREMAN_LLM_API_KEY", status: 401, kind: "unauthorized", model: "m" }],
    });
    expect(await github.branchHead(BRANCH)).toBe(first);
    expect(endpoint.requests()).toBe(1);
  });
});
