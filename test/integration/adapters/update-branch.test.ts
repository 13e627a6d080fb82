import { afterEach, describe, expect, it } from "vitest";
import { OctokitRepoGitHub } from "../../../src/adapters/github/octokit-github.ts";
import type { WorkflowState } from "../../../src/engine/types.ts";
import { BranchMovedError } from "../../../src/ports/errors.ts";
import type { FileChange, PullRequestInfo } from "../../../src/ports/github.ts";
import type { JobInput } from "../../../src/store/store.ts";
import { mergeTask } from "../../../src/worker/merge-task.ts";
import { executingWorkflow } from "../../reliability/reconcile-fixture.ts";
import { plain } from "./port-text.ts";
import type { CreateRepositoryOptions } from "@foreman/sandbox";
import { startHarness, type Harness } from "@foreman/sandbox/harness";

const owner = "acme";
const repo = "calculator";
const BRANCH = "foreman/1/mean";

let h: Harness;
let github: OctokitRepoGitHub;

async function start(options: Pick<CreateRepositoryOptions, "mergeQueue" | "protection"> = {}): Promise<void> {
  h = await startHarness({ requiredChecks: [], ...options });
  github = new OctokitRepoGitHub(h.octokit, { owner, repo, appLogin: `${h.app.slug}[bot]` });
}

afterEach(async () => {
  expect(h.sandbox.requestLog.rejected()).toEqual([]);
  await h.stop();
});

async function openTaskPull(
  changes: FileChange[] = [{ path: "src/mean.js", content: "export const mean = () => 0;\n" }],
): Promise<PullRequestInfo> {
  const { headSha } = await github.repository();
  await github.commitOnBranch({ expectedHead: null, branch: BRANCH, baseSha: headSha, message: plain("Add mean"), changes });
  return github.ensurePullRequest({ head: BRANCH, base: "main", title: "[#1] Add mean", body: "Part of #1." });
}

/** A human's commit on main. */
async function pushToMain(changes: FileChange[]): Promise<string> {
  const { headSha } = await github.repository();
  return (await github.commitOnBranch({ branch: "main", expectedHead: headSha, baseSha: headSha, message: plain("On main"), changes })).sha;
}

describe("compareCommits", () => {
  it("says how far a task's head is behind its base, where they parted and what the head changed", async () => {
    await start();
    const pull = await openTaskPull();
    const { headSha: before } = await github.repository();
    await pushToMain([{ path: "README.md", content: "# calculator, renamed\n" }]);

    expect(await github.compareCommits("main", pull.headSha)).toEqual({
      mergeBase: before,
      aheadBy: 1,
      behindBy: 1,
      files: ["src/mean.js"],
      commits: [{ sha: pull.headSha, author: "foreman[bot]" }],
    });
  });
});

describe("updatePullBranch: GitHub merges the base into a task's branch, a compare-and-swap on its head", () => {
  it("merges a base that moved elsewhere on top of the head (never a rewrite), as the app", async () => {
    await start();
    const pull = await openTaskPull();
    const main = await pushToMain([{ path: "README.md", content: "# calculator, renamed\n" }]);

    const answer = await github.updatePullBranch({ number: pull.number, branch: BRANCH, expectedHead: pull.headSha });
    const head = (await github.branchHead(BRANCH)) ?? "";
    const { data: merge } = await h.octokit.rest.git.getCommit({ owner, repo, commit_sha: head });

    expect(answer).toBe("accepted");
    expect(merge.parents.map((parent) => parent.sha)).toEqual([pull.headSha, main]);
    expect(await github.commitAuthor(head)).toBe(`${h.app.slug}[bot]`);
    expect((await github.compareCommits("main", head)).behindBy).toBe(0);
  });

  it("answers up_to_date for a branch that holds its base, and conflict (writing nothing) for one that conflicts", async () => {
    await start();
    const pull = await openTaskPull([{ path: "README.md", content: "# calculator, by the task\n" }]);
    const upToDate = await github.updatePullBranch({ number: pull.number, branch: BRANCH, expectedHead: pull.headSha });
    await pushToMain([{ path: "README.md", content: "# calc\n" }]);

    const conflict = await github.updatePullBranch({ number: pull.number, branch: BRANCH, expectedHead: pull.headSha });

    expect([upToDate, conflict]).toEqual(["up_to_date", "conflict"]);
    expect(await github.branchHead(BRANCH)).toBe(pull.headSha);
  });

  it("throws BranchMovedError when the head is no longer the one Foreman saw", async () => {
    await start();
    const pull = await openTaskPull();
    await pushToMain([{ path: "README.md", content: "# calculator, renamed\n" }]);

    const failure = await github
      .updatePullBranch({ number: pull.number, branch: BRANCH, expectedHead: "0".repeat(40) })
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(BranchMovedError);
    expect(await github.branchHead(BRANCH)).toBe(pull.headSha);
  });
});

describe("mergePullRequest: a refused merge by its cause (G4)", () => {
  it("merges a clean head", async () => {
    await start();
    const pull = await openTaskPull();

    expect(await github.mergePullRequest({ number: pull.number, sha: pull.headSha, method: "squash" })).toMatchObject({ merged: true });
  });

  it("tells a head that moved after the approval from a conflict", async () => {
    await start();
    const pull = await openTaskPull([{ path: "README.md", content: "# calculator, by the task\n" }]);
    const moved = await github.mergePullRequest({ number: pull.number, sha: "0".repeat(40), method: "squash" });
    await pushToMain([{ path: "README.md", content: "# calc\n" }]);

    const conflict = await github.mergePullRequest({ number: pull.number, sha: pull.headSha, method: "squash" });

    expect(moved).toMatchObject({ merged: false, refusal: "head_moved" });
    expect(conflict).toEqual({ merged: false, refusal: "conflict", message: "Pull Request is not mergeable" });
  });

  it("tells a head behind a base that must be up to date from one that moved, whatever the status", async () => {
    await start({ protection: { upToDate: true, requiredChecks: [] } });
    const pull = await openTaskPull();
    await pushToMain([{ path: "NOTES.md", content: "notes\n" }]);

    expect(await github.mergePullRequest({ number: pull.number, sha: pull.headSha, method: "squash" })).toMatchObject({
      merged: false,
      refusal: "behind",
    });
  });

  it("calls a missing approving review a requirement to wait for, and merge commits under linear history a method to change", async () => {
    await start({ protection: { requiredReviews: 1, requiredChecks: [] } });
    const pull = await openTaskPull();

    const review = await github.mergePullRequest({ number: pull.number, sha: pull.headSha, method: "squash" });
    const requirements = await github.mergeRequirements(pull.number);
    h.sandbox.setProtection(h.repo, { linearHistory: true, requiredChecks: [] });
    const method = await github.mergePullRequest({ number: pull.number, sha: pull.headSha, method: "merge" });

    expect(review).toMatchObject({ merged: false, refusal: "requirements" });
    expect(review.message).toMatch(/approving review/);
    expect(requirements).toEqual({ reviewDecision: "REVIEW_REQUIRED", codeOwners: [] });
    expect(method).toMatchObject({ merged: false, refusal: "method" });
  });

  it("calls a base branch that wants the merge queue a way of merging the config must change", async () => {
    await start({ mergeQueue: true });
    const pull = await openTaskPull();

    expect(await github.mergePullRequest({ number: pull.number, sha: pull.headSha, method: "squash" })).toMatchObject({
      merged: false,
      refusal: "method",
    });
  });
});

describe("mergeTask in API mode (G3)", () => {
  function mergingState(pull: PullRequestInfo): WorkflowState {
    const state = executingWorkflow();
    const mean = state.tasks.mean;
    if (!mean) throw new Error("the fixture has no task mean");
    const config = { ...state.config, merge: { ...state.config.merge, mode: "api" as const } };
    return {
      ...state,
      config,
      tasks: { ...state.tasks, mean: { ...mean, status: "merging", pr: pull.number, prNodeId: pull.nodeId, headSha: pull.headSha } },
    };
  }

  it("never merges a head that lacks commits of its base: it reports it behind, and merges nothing", async () => {
    await start();
    const pull = await openTaskPull();
    await pushToMain([{ path: "README.md", content: "# calculator, renamed\n" }]);
    const outbox: JobInput[] = [];

    await mergeTask(github, mergingState(pull), "mean", pull.headSha, outbox);

    expect(outbox).toMatchObject([{ kind: "event", payload: { event: { type: "task_dequeued", taskId: "mean", cause: "behind" } } }]);
    expect(h.sandbox.requestLog.count({ operationId: "pulls/merge" })).toBe(0);
    expect((await github.getPullRequest(pull.number)).merged).toBe(false);
  });

  it("reports a merge whose answer was lost as merged, not as behind, when it is tried again", async () => {
    await start();
    const pull = await openTaskPull();
    const outbox: JobInput[] = [];
    await github.mergePullRequest({ number: pull.number, sha: pull.headSha, method: "merge" });

    await mergeTask(github, mergingState(pull), "mean", pull.headSha, outbox);

    expect(outbox).toMatchObject([{ kind: "event", payload: { event: { type: "task_merged", taskId: "mean", sha: pull.headSha } } }]);
  });
});
