import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { OctokitRepoGitHub } from "../../src/adapters/github/octokit-github.ts";
import type { Edit } from "../../src/agents/apply-edits.ts";
import type { EngineEvent } from "../../src/engine/events.ts";
import type { WorkflowState } from "../../src/engine/types.ts";
import type { FileChange } from "../../src/ports/github.ts";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.ts";
import type { WorkerDeps } from "../../src/worker/deps.ts";
import { runRebaseJob } from "../../src/worker/jobs/rebase-job.ts";
import { recordEdits } from "../../src/worker/jobs/task-context.ts";
import { executingWorkflow } from "../reliability/reconcile-fixture.ts";
import { plain } from "./adapters/port-text.ts";
import { startHarness, type Harness } from "@foreman/sandbox/harness";

const owner = "acme";
const repo = "calculator";
const BRANCH = "foreman/1/mean";
const README = "# calculator\n\n- `add(a, b)`: the sum.\n";
const README_EDIT: Edit = {
  path: "README.md",
  action: "modify",
  replacements: [{ search: "- `add(a, b)`: the sum.\n", replace: "- `add(a, b)`: the sum.\n- `mean(values)`: the mean.\n" }],
};
const NO_WAIT = { reads: 3, intervalMs: 0 };

let h: Harness;
let github: OctokitRepoGitHub;
let store: SqliteStore;

afterEach(async () => {
  store.close();
  expect(h.sandbox.requestLog.rejected()).toEqual([]);
  await h.stop();
});

async function start(): Promise<WorkerDeps> {
  h = await startHarness({ files: { "README.md": README, "src/add.js": "export const add = (a, b) => a + b;\n" }, requiredChecks: [] });
  github = new OctokitRepoGitHub(h.octokit, { owner, repo, appLogin: `${h.app.slug}[bot]` });
  store = new SqliteStore(":memory:");
  return {
    store,
    github: { installations: () => Promise.resolve([1]), repositories: () => Promise.resolve([]), forRepo: () => Promise.resolve(github) },
    model: { complete: () => Promise.reject(new Error("the coder is not asked in these cases")) },
    log: pino({ level: "silent" }),
    now: () => Date.now(),
    botLogin: `${h.app.slug}[bot]`,
    modelFor: () => "m",
  };
}

/** The task's pull request with one commit of Foreman's, and the workflow waiting on its rebase. */
async function rebasingTask(deps: WorkerDeps, changes: FileChange[], edits: Edit[] = []): Promise<{ head: string; pr: number }> {
  const { headSha } = await github.repository();
  const { sha } = await github.commitOnBranch({
    expectedHead: null,
    branch: BRANCH,
    baseSha: headSha,
    message: plain("Add mean"),
    changes,
  });
  const pull = await github.ensurePullRequest({ head: BRANCH, base: "main", title: "[#1] Add mean", body: "Part of #1." });
  const state = executingWorkflow();
  const mean = state.tasks.mean;
  const plan = state.plan;
  if (!mean || !plan) throw new Error("the fixture has no task mean");
  const tasks = plan.tasks.map((task) =>
    task.id === "mean" ? { ...task, files: [...task.files, { path: "README.md", action: "modify" as const }] } : task,
  );
  const rebasing: WorkflowState = {
    ...state,
    plan: { ...plan, tasks },
    tasks: {
      ...state.tasks,
      mean: { ...mean, status: "rebasing", branch: BRANCH, pr: pull.number, prNodeId: pull.nodeId, headSha: sha, ownCommits: [sha] },
    },
  };
  deps.store.saveWorkflow(state.id, rebasing, 0, true);
  if (edits.length > 0) recordEdits(deps.store, state.id, "mean", edits, true);
  return { head: sha, pr: pull.number };
}

/** A commit of maya's, a writer: through the same port, with her own client. */
async function pushTo(branch: string, changes: FileChange[]): Promise<string> {
  h.sandbox.setPermission(h.repo, "maya", "write");
  const maya = new OctokitRepoGitHub(h.userOctokit("maya"), { owner, repo, appLogin: `${h.app.slug}[bot]` });
  const head = (await maya.branchHead(branch)) ?? "";
  return (await maya.commitOnBranch({ branch, expectedHead: head, baseSha: head, message: plain("A human's commit"), changes })).sha;
}

/** The outcome of the `rebase_done` the job reported. */
function reported(): Extract<EngineEvent, { type: "rebase_done" }>["outcome"] | undefined {
  const job = store.leaseJob("test", Number.MAX_SAFE_INTEGER, 1);
  const event = (job?.payload as { event?: EngineEvent } | undefined)?.event;
  return event?.type === "rebase_done" ? event.outcome : undefined;
}

const run = (deps: WorkerDeps, head: string): Promise<void> =>
  runRebaseJob(deps, { workflowId: "acme/stats#1", taskId: "mean", headSha: head }, NO_WAIT);

async function parentsOf(sha: string): Promise<string[]> {
  const { data } = await h.octokit.rest.git.getCommit({ owner, repo, commit_sha: sha });
  return data.parents.map((parent) => parent.sha);
}

describe("the rebase job (G3): a merge, never a rewrite", () => {
  it("has GitHub merge a base that moved elsewhere on top of the head", async () => {
    const deps = await start();
    const { head } = await rebasingTask(deps, [{ path: "src/mean.js", content: "export const mean = () => 0;\n" }]);
    const main = await pushTo("main", [{ path: "src/add.js", content: "export const add = (a, b) => b + a;\n" }]);

    await run(deps, head);
    const outcome = reported();
    const now = (await github.branchHead(BRANCH)) ?? "";

    expect(outcome).toEqual({ kind: "committed", commitSha: now, how: "github" });
    expect(await parentsOf(now)).toEqual([head, main]);
  });

  it("merges the files itself when GitHub finds a conflict, re-applying the task's own edit: both lines are kept", async () => {
    const deps = await start();
    const withMean = "# calculator\n\n- `add(a, b)`: the sum.\n- `mean(values)`: the mean.\n";
    const { head } = await rebasingTask(deps, [{ path: "README.md", content: withMean }], [README_EDIT]);
    const main = await pushTo("main", [
      { path: "README.md", content: "# calculator\n\n- `add(a, b)`: the sum.\n- `sub(a, b)`: the difference.\n" },
    ]);

    await run(deps, head);
    const outcome = reported();
    const now = (await github.branchHead(BRANCH)) ?? "";

    expect(outcome).toEqual({ kind: "committed", commitSha: now, how: "merged" });
    expect(await parentsOf(now)).toEqual([head, main]);
    expect(await github.readFile(now, "README.md")).toBe(
      "# calculator\n\n- `add(a, b)`: the sum.\n- `mean(values)`: the mean.\n- `sub(a, b)`: the difference.\n",
    );
  });

  it("leaves a branch someone pushed to since the conflict was seen to them, writing nothing", async () => {
    const deps = await start();
    const { head } = await rebasingTask(deps, [{ path: "src/mean.js", content: "export const mean = () => 0;\n" }]);
    await pushTo("main", [{ path: "src/add.js", content: "export const add = (a, b) => b + a;\n" }]);
    const theirs = await pushTo(BRANCH, [{ path: "src/mean.js", content: "export const mean = () => 1;\n" }]);

    await run(deps, head);

    expect(reported()).toEqual({ kind: "human_commits", sha: theirs });
    expect(await github.branchHead(BRANCH)).toBe(theirs);
    expect(h.sandbox.requestLog.count({ operationId: "pulls/update-branch" })).toBe(0);
  });

  it("run again after GitHub's merge landed (its answer lost), reports that merge instead of asking again", async () => {
    const deps = await start();
    const { head, pr } = await rebasingTask(deps, [{ path: "src/mean.js", content: "export const mean = () => 0;\n" }]);
    await pushTo("main", [{ path: "src/add.js", content: "export const add = (a, b) => b + a;\n" }]);
    await github.updatePullBranch({ number: pr, branch: BRANCH, expectedHead: head });
    const merged = (await github.branchHead(BRANCH)) ?? "";

    await run(deps, head);

    expect(reported()).toEqual({ kind: "committed", commitSha: merged, how: "github" });
    expect(h.sandbox.requestLog.count({ operationId: "pulls/update-branch" })).toBe(1);
  });

  it("takes GitHub's merge for the pusher's when it was made on top of a commit pushed meanwhile (G1: no approval goes with it)", async () => {
    const deps = await start();
    const { head, pr } = await rebasingTask(deps, [{ path: "src/mean.js", content: "export const mean = () => 0;\n" }]);
    await pushTo("main", [{ path: "src/add.js", content: "export const add = (a, b) => b + a;\n" }]);
    const theirs = await pushTo(BRANCH, [{ path: "test/mean.test.js", content: "// maya's test\n" }]);
    await github.updatePullBranch({ number: pr, branch: BRANCH, expectedHead: theirs });
    const merged = (await github.branchHead(BRANCH)) ?? "";

    await run(deps, head);

    expect(await parentsOf(merged)).toHaveLength(2);
    expect((await parentsOf(merged))[0]).toBe(theirs);
    expect(reported()).toEqual({ kind: "human_commits", sha: merged });
  });

  it("writes nothing when the branch already holds its base", async () => {
    const deps = await start();
    const { head } = await rebasingTask(deps, [{ path: "src/mean.js", content: "export const mean = () => 0;\n" }]);

    await run(deps, head);

    expect(reported()).toEqual({ kind: "up_to_date" });
    expect(await github.branchHead(BRANCH)).toBe(head);
  });
});
