import { describe, expect, it } from "vitest";
import type { WorkflowState } from "../../src/engine/types.ts";
import { closeWorkflow } from "../../src/reconcile/close-workflow.ts";
import { GONE_REASON, reconcileWorkflow } from "../../src/reconcile/reconcile-workflow.ts";
import { scanInstallations } from "../../src/reconcile/scan.ts";
import { eventJob, taskJob } from "../../src/store/job-kinds.ts";
import { StoreIntakeSink } from "../../src/store/store-intake-sink.ts";
import { executingWorkflow, NOW, openIssue, openPull, queuedEvents, reconcileWorld, REF } from "./reconcile-fixture.ts";

const HEAD = "a".repeat(40);
const green = [{ name: "test", appSlug: "actions", status: "completed", conclusion: "success", title: null, summary: null }];

function stored(
  store: ReturnType<typeof reconcileWorld>["store"],
  state: WorkflowState,
): { id: string; state: WorkflowState; version: number; open: boolean } {
  store.saveWorkflow(state.id, state, 0, true);
  const record = store.getWorkflow(state.id);
  if (!record) throw new Error("expected the workflow to be stored");
  return record;
}

describe("reconcileWorkflow", () => {
  it("feeds in CI completed on a task's head when the check_suite webhook never came", async () => {
    const { deps, store, github, woken } = reconcileWorld();
    openIssue(github);
    openPull(github, 11, HEAD);
    github.checkRuns.set(HEAD, green);

    const report = await reconcileWorkflow(deps, stored(store, executingWorkflow()));

    expect(report).toMatchObject({ events: 1, comments: 0 });
    expect(woken.count).toBe(1);
    expect(queuedEvents(store)).toEqual(["event:ci_completed"]);
  });

  it("feeds in a merge and a new head that happened on GitHub without a webhook", async () => {
    const { deps, store, github } = reconcileWorld();
    openIssue(github);
    openPull(github, 11, HEAD, { state: "closed", merged: true, mergeCommitSha: "m".repeat(40) });
    const merged = await reconcileWorkflow(deps, stored(store, executingWorkflow()));
    const events = queuedEvents(store);

    expect(merged).toMatchObject({ events: 1 });
    expect(events).toEqual(["event:task_merged"]);
  });

  it("feeds in a push to a task's branch as a new head, by the commit's author", async () => {
    const { deps, store, github } = reconcileWorld();
    openIssue(github);
    openPull(github, 11, "b".repeat(40));

    await reconcileWorkflow(deps, stored(store, executingWorkflow()));
    const job = store.leaseJob("test", Number.MAX_SAFE_INTEGER, 1);

    expect(job?.payload).toMatchObject({ event: { type: "head_changed", taskId: "mean", sha: "b".repeat(40), by: "ana" } });
  });

  it("never feeds in a comment that was edited after its created webhook was lost", async () => {
    const { deps, store, github } = reconcileWorld();
    openIssue(github);
    openPull(github, 11, HEAD);
    const comment = github.addComment(11, "maya", "/approve", NOW + 5_000);
    comment.updatedAt = NOW + 9_000;
    const record = stored(store, executingWorkflow());

    const result = await reconcileWorkflow(deps, record);

    expect(result).toMatchObject({ comments: 0 });
    expect(queuedEvents(store)).toEqual([]);
  });

  it("never feeds in a comment edited within the second it was written, which only GraphQL's lastEditedAt shows", async () => {
    const { deps, store, github } = reconcileWorld();
    openIssue(github);
    openPull(github, 11, HEAD);
    const edited = github.addComment(11, "sam", "/approve", NOW + 5_000);
    github.editedWithinTheSecond.add(edited.nodeId);
    const record = stored(store, executingWorkflow());

    const result = await reconcileWorkflow(deps, record);

    expect(result).toMatchObject({ comments: 0 });
    expect(queuedEvents(store)).toEqual([]);
  });

  it("feeds in a comment whose webhook was lost once, as an intake, and a late webhook for it is a no-op", async () => {
    const { deps, store, github } = reconcileWorld();
    openIssue(github);
    openPull(github, 11, HEAD);
    const approve = github.addComment(11, "maya", "/approve", NOW + 5_000);
    github.addComment(1, "foreman[bot]", "a comment of the app's own", NOW + 5_000);
    github.addComment(1, "maya", "a comment from before the workflow", NOW - 60_000);
    const record = stored(store, executingWorkflow());

    const first = await reconcileWorkflow(deps, record);
    const jobs = queuedEvents(store);
    const second = await reconcileWorkflow(deps, record);
    const late = new StoreIntakeSink(
      store,
      () => NOW,
      () => undefined,
    ).accept({
      deliveryId: "late-delivery",
      event: "issue_comment",
      action: "created",
      key: record.id,
      intake: {
        kind: "issue_comment",
        ref: REF,
        issue: 11,
        pullRequestBody: "",
        commentId: approve.id,
        body: "/approve",
        createdAt: approve.createdAt,
        sender: { login: "maya", type: "User" },
        deliveryId: "late-delivery",
      },
    });

    expect(first).toMatchObject({ comments: 1 });
    expect(jobs).toEqual(["intake:issue_comment:maya"]);
    expect(second).toMatchObject({ comments: 0 });
    expect(late).toBe(false);
  });

  it("leaves a workflow with jobs in flight alone", async () => {
    const { deps, store, github } = reconcileWorld();
    openIssue(github);
    openPull(github, 11, HEAD);
    github.checkRuns.set(HEAD, green);
    const record = stored(store, executingWorkflow());
    store.enqueueJob(taskJob("task", { workflowId: record.id, taskId: "median", attempt: 1 }));

    const report = await reconcileWorkflow(deps, record);

    expect(report).toEqual({ busy: 1 });
  });

  it("closes a workflow whose issue or repository is gone on two passes in a row, once, and records why", async () => {
    const { deps, store, github } = reconcileWorld();
    github.repositoryGone = true;
    const record = stored(store, executingWorkflow());

    const first = await reconcileWorkflow(deps, record);
    const second = await reconcileWorkflow(deps, record);
    const third = await reconcileWorkflow(deps, record);
    const after = store.getWorkflow(record.id);

    expect([first, second, third]).toEqual([{ closed: 0 }, { closed: 1 }, { closed: 0 }]);
    expect(after).toMatchObject({ open: false, state: { phase: "cancelled", failure: GONE_REASON } });
    expect(after?.state.tasks.mean?.status).toBe("cancelled");
    expect(store.events(record.id).map((event) => event.kind)).toEqual(["workflow_closed"]);
  });

  it("does not close a workflow whose issue answered 404 once and is back on the next pass", async () => {
    const { deps, store, github } = reconcileWorld();
    const record = stored(store, executingWorkflow());

    await reconcileWorkflow(deps, record);
    openIssue(github);
    await reconcileWorkflow(deps, record);
    github.issues.clear();
    const afterAnotherMiss = await reconcileWorkflow(deps, record);

    expect(afterAnotherMiss).toEqual({ closed: 0 });
    expect(store.getWorkflow(record.id)?.open).toBe(true);
  });

  it("cancels the waiting jobs of a workflow it closes, so nothing retries against a repository that is gone", () => {
    const { store } = reconcileWorld();
    const record = stored(store, executingWorkflow());
    store.enqueueJob(eventJob(record.id, { type: "cancel", by: "maya" }));
    store.enqueueJob(taskJob("task", { workflowId: record.id, taskId: "median", attempt: 1 }));

    const closed = closeWorkflow(store, record.id, GONE_REASON, NOW);

    expect(closed).toBe(true);
    expect(store.pendingJobsFor(record.id)).toBe(0);
  });
});

describe("scanInstallations", () => {
  it("starts a labelled issue whose label webhook never arrived, as the person who added the label, once", async () => {
    const { deps, store, github } = reconcileWorld();
    openIssue(github);
    github.labelers.set(1, { login: "maya", type: "User" });

    const first = await scanInstallations(deps);
    const second = await scanInstallations(deps);

    expect(first).toMatchObject({ started: 1 });
    expect(second).toMatchObject({ started: 0 });
    expect(queuedEvents(store)).toEqual(["intake:issue_labeled:maya"]);
  });

  it("uses the label the repository's config names", async () => {
    const { deps, store, github } = reconcileWorld();
    openIssue(github, ["robot"]);
    github.config = "label: robot\n";
    github.labelers.set(1, { login: "maya", type: "User" });

    await scanInstallations(deps);

    expect(queuedEvents(store)).toEqual(["intake:issue_labeled:maya"]);
  });

  it("rebuilds a workflow from its status comment after the database was lost, feeding in only the comments made after the snapshot", async () => {
    const { deps, store, github } = reconcileWorld();
    openIssue(github);
    openPull(github, 11, HEAD);
    const before = executingWorkflow();
    github.addComment(11, "maya", "/approve (already in the snapshot)", NOW + 1_000);
    const status = github.addStatus({ ...before, statusCommentId: null }, NOW + 2_000);
    github.addComment(11, "maya", "/approve", NOW + 4_000);

    const report = await scanInstallations(deps);
    const rebuilt = store.getWorkflow(before.id);

    expect(report).toMatchObject({ rebuilt: 1 });
    expect(rebuilt?.state).toEqual({ ...before, statusCommentId: status.id });
    expect(queuedEvents(store)).toEqual(["task", "intake:issue_comment:maya"]);
    expect(store.events(before.id).map((event) => event.kind)).toEqual(["workflow_rebuilt"]);
  });

  it("puts a merge that was in flight when the database was lost back to waiting for CI, keeping the approval", async () => {
    const { deps, store, github } = reconcileWorld();
    openIssue(github);
    openPull(github, 11, HEAD);
    const base = executingWorkflow();
    const mean = base.tasks.mean;
    if (!mean) throw new Error("expected task mean");
    github.addStatus(
      { ...base, tasks: { ...base.tasks, mean: { ...mean, status: "merging", approvedSha: HEAD, approvedBy: "maya" } } },
      NOW + 2_000,
    );

    await scanInstallations(deps);

    expect(store.getWorkflow(base.id)?.state.tasks.mean).toMatchObject({ status: "ci_running", approvedSha: HEAD });
  });

  it("starts a workflow again when the issue was labelled after the last one finished (reopened, its webhook lost), once", async () => {
    const { deps, store, github } = reconcileWorld();
    openIssue(github);
    github.labelers.set(1, { login: "maya", type: "User" });
    github.labelledAt.set(1, NOW + 5_000);
    const done = { ...executingWorkflow(), phase: "completed" as const, finishedAt: NOW + 1_000 };
    store.saveWorkflow(done.id, done, 0, false);

    const first = await scanInstallations(deps);
    const second = await scanInstallations(deps);

    expect(first).toMatchObject({ started: 1 });
    expect(second).toMatchObject({ started: 0 });
    expect(queuedEvents(store)).toEqual(["intake:issue_labeled:maya"]);
  });

  it("does not start a finished workflow again for the label it was started with", async () => {
    const { deps, store, github } = reconcileWorld();
    openIssue(github);
    github.labelers.set(1, { login: "maya", type: "User" });
    github.labelledAt.set(1, NOW);
    const done = { ...executingWorkflow(), phase: "completed" as const, finishedAt: NOW + 1_000 };
    store.saveWorkflow(done.id, done, 0, false);

    expect(await scanInstallations(deps)).toMatchObject({ started: 0 });
  });

  it("leaves issues it already knows alone", async () => {
    const { deps, store, github } = reconcileWorld();
    openIssue(github);
    github.labelers.set(1, { login: "maya", type: "User" });
    stored(store, executingWorkflow());

    const report = await scanInstallations(deps);

    expect(report).toMatchObject({ started: 0, rebuilt: 0 });
  });
});
