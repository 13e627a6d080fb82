import { plain } from "./port-text.ts";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { OctokitRepoGitHub } from "../../../src/adapters/github/octokit-github.ts";
import type { WorkflowState } from "../../../src/engine/types.ts";
import { GitHubRateLimitError } from "../../../src/ports/errors.ts";
import type { PullRequestInfo } from "../../../src/ports/github.ts";
import { eventJob } from "../../../src/store/job-kinds.ts";
import type { JobInput } from "../../../src/store/store.ts";
import { mergeTask } from "../../../src/worker/merge-task.ts";
import { retryPlan } from "../../../src/worker/worker.ts";
import { executingWorkflow } from "../../reliability/reconcile-fixture.ts";
import { startHarness, type Harness } from "@foreman/sandbox/harness";

const owner = "acme";
const repo = "calculator";
/** GitHub's answer to too many writes, without the `retry-after` it does not always send. */
const SECONDARY_ON_MERGE = {
  kind: "secondary_rate_limit",
  on: { method: "PUT", path: "/repos/*/*/pulls/*/merge", nth: 1 },
  retryAfterSeconds: null,
} as const;

let h: Harness;
let github: OctokitRepoGitHub;

beforeEach(async () => {
  h = await startHarness();
  github = new OctokitRepoGitHub(h.octokit, { owner, repo, appLogin: `${h.app.slug}[bot]` });
});

afterEach(async () => {
  expect(h.sandbox.requestLog.rejected()).toEqual([]);
  await h.stop();
});

async function openTaskPull(): Promise<PullRequestInfo> {
  const { headSha } = await github.repository();
  await github.commitOnBranch({
    expectedHead: null,
    branch: "foreman/1/mean",
    baseSha: headSha,
    message: plain("Add mean"),
    changes: [{ path: "src/mean.js", content: "export const mean = () => 0;\n" }],
  });
  return github.ensurePullRequest({ head: "foreman/1/mean", base: "main", title: "[#1] Add mean", body: "Part of #1." });
}

/** A workflow whose task `mean` is the pull request, approved and merging (the engine's state when it asks for the merge). */
function mergingState(pull: PullRequestInfo): WorkflowState {
  const state = executingWorkflow();
  const mean = state.tasks.mean;
  if (!mean) throw new Error("the fixture has no task mean");
  return {
    ...state,
    tasks: { ...state.tasks, mean: { ...mean, status: "merging", pr: pull.number, prNodeId: pull.nodeId, headSha: pull.headSha } },
  };
}

describe("a rate-limited merge", () => {
  it("fails the pulls.merge call with a rate-limit error to wait out, and merges nothing", async () => {
    const pull = await openTaskPull();
    h.sandbox.faults.add([SECONDARY_ON_MERGE]);

    const failure = await github
      .mergePullRequest({ number: pull.number, sha: pull.headSha, method: "squash" })
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(GitHubRateLimitError);
    expect(failure).toMatchObject({
      status: 403,
      kind: "rate_limited",
      limit: "secondary",
      retryable: true,
      retryAfterMs: 60_000,
      waitNamed: false,
    });
    expect((await github.getPullRequest(pull.number)).merged).toBe(false);
  });

  it("keeps the merge attempt: the job waits at least a minute, then merges on its next run", async () => {
    const pull = await openTaskPull();
    const state = mergingState(pull);
    h.sandbox.faults.add([SECONDARY_ON_MERGE]);
    const outbox: JobInput[] = [];

    const failure = await mergeTask(github, state, "mean", pull.headSha, outbox).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(GitHubRateLimitError);
    expect(outbox).toEqual([]);
    expect(retryPlan(failure, 1, 0, () => 0.5)).toEqual({ delayMs: 60_000, wait: true });

    await mergeTask(github, state, "mean", pull.headSha, outbox);

    expect(outbox).toEqual([eventJob(state.id, { type: "task_merged", taskId: "mean", sha: pull.headSha })]);
    expect((await github.getPullRequest(pull.number)).merged).toBe(true);
    expect(h.sandbox.requestLog.count({ operationId: "pulls/merge" })).toBe(2);
  });

  it("still ends the merge attempt when GitHub refuses the merge itself", async () => {
    const pull = await openTaskPull();
    const outbox: JobInput[] = [];

    await mergeTask(github, mergingState(pull), "mean", "0".repeat(40), outbox);

    expect(outbox).toMatchObject([
      { kind: "event", key: "acme/stats#1", payload: { workflowId: "acme/stats#1", event: { type: "task_dequeued", taskId: "mean" } } },
    ]);
    expect((await github.getPullRequest(pull.number)).merged).toBe(false);
  });
});
