import { describe, expect, it } from "vitest";
import type { WorkflowState } from "../../src/engine/types.ts";
import { GONE_REASON, reconcileWorkflow } from "../../src/reconcile/reconcile-workflow.ts";
import type { WorkflowRecord } from "../../src/store/store.ts";
import { executingWorkflow, openIssue, openPull, reconcileWorld } from "./reconcile-fixture.ts";

const HEAD = "a".repeat(40);

type World = ReturnType<typeof reconcileWorld>;

function stored(store: World["store"], state: WorkflowState): WorkflowRecord {
  store.saveWorkflow(state.id, state, 0, true);
  const record = store.getWorkflow(state.id);
  if (!record) throw new Error("expected the workflow to be stored");
  return record;
}

/** The queued engine events, in order, each completed so the workflow is no longer busy. */
function drainEvents(store: World["store"]): unknown[] {
  const events: unknown[] = [];
  for (let job = store.leaseJob("test", Number.MAX_SAFE_INTEGER, 1); job; job = store.leaseJob("test", Number.MAX_SAFE_INTEGER, 1)) {
    events.push((job.payload as { event?: unknown }).event);
    store.completeJob(job, "test");
  }
  return events;
}

/** The executing workflow with `mean` (PR #11) in another status. */
function withMean(status: WorkflowState["tasks"][string]["status"]): WorkflowState {
  const state = executingWorkflow();
  const mean = state.tasks.mean;
  if (!mean) throw new Error("expected mean");
  return { ...state, tasks: { ...state.tasks, mean: { ...mean, status } } };
}

describe("reconcileWorkflow: stops no webhook announced", () => {
  it("stops a workflow whose issue was closed, by someone it cannot name", async () => {
    const { deps, store, github, woken } = reconcileWorld();
    openIssue(github);
    github.issues.set(1, { ...github.issues.get(1)!, state: "closed" });
    openPull(github, 11, HEAD);

    const report = await reconcileWorkflow(deps, stored(store, executingWorkflow()));

    expect(report).toEqual({ events: 1 });
    expect(woken.count).toBe(1);
    expect(drainEvents(store)).toEqual([{ type: "issue_closed", how: "closed", by: null }]);
  });

  it("feeds in a merge no webhook brought (it may have closed the issue: Closes #issue) before the close, so the work can end as done", async () => {
    const { deps, store, github } = reconcileWorld();
    openIssue(github);
    github.issues.set(1, { ...github.issues.get(1)!, state: "closed" });
    openPull(github, 11, HEAD, { state: "closed", merged: true, mergeCommitSha: "c".repeat(40) });

    const report = await reconcileWorkflow(deps, stored(store, withMean("ready")));

    expect(report).toEqual({ events: 2 });
    expect(drainEvents(store)).toEqual([
      { type: "task_merged", taskId: "mean", sha: "c".repeat(40) },
      { type: "issue_closed", how: "closed", by: null },
    ]);
  });

  it("stops a workflow whose issue is gone while its repository reads, through the engine (which closes the pull requests), once", async () => {
    const { deps, store } = reconcileWorld();
    const record = stored(store, executingWorkflow());

    const first = await reconcileWorkflow(deps, record);
    const second = await reconcileWorkflow(deps, record);
    const busy = await reconcileWorkflow(deps, record);
    const events = drainEvents(store);

    expect([first, second, busy]).toEqual([{ closed: 0 }, { events: 1 }, { busy: 1 }]);
    expect(events).toEqual([{ type: "issue_closed", how: "deleted", by: null }]);
    expect(store.getWorkflow(record.id)?.open).toBe(true);
  });

  it("closes the workflow in the store when the stop it fed in did not take by the next pass", async () => {
    const { deps, store } = reconcileWorld();
    const record = stored(store, executingWorkflow());

    await reconcileWorkflow(deps, record);
    await reconcileWorkflow(deps, record);
    drainEvents(store);
    const third = await reconcileWorkflow(deps, record);

    expect(third).toEqual({ closed: 1 });
    expect(store.getWorkflow(record.id)).toMatchObject({ open: false, state: { phase: "cancelled", failure: GONE_REASON } });
  });

  it.each(["ci_running", "needs_human", "ready"] as const)(
    "feeds in the close of a task's pull request while the task is %s",
    async (status) => {
      const { deps, store, github } = reconcileWorld();
      openIssue(github);
      openPull(github, 11, HEAD, { state: "closed" });

      await reconcileWorkflow(deps, stored(store, withMean(status)));

      expect(drainEvents(store)).toEqual([{ type: "task_closed", taskId: "mean", pr: 11 }]);
    },
  );

  it("feeds in the reopen of a cancelled task's pull request, with its head", async () => {
    const { deps, store, github } = reconcileWorld();
    openIssue(github);
    openPull(github, 11, "b".repeat(40));

    await reconcileWorkflow(deps, stored(store, withMean("cancelled")));

    expect(drainEvents(store)).toEqual([{ type: "task_reopened", taskId: "mean", pr: 11, sha: "b".repeat(40), by: null }]);
  });

  it("feeds in nothing for a cancelled task whose pull request stays closed", async () => {
    const { deps, store, github } = reconcileWorld();
    openIssue(github);
    openPull(github, 11, HEAD, { state: "closed" });

    const report = await reconcileWorkflow(deps, stored(store, withMean("cancelled")));

    expect(report).toEqual({ events: 0, comments: 0 });
    expect(drainEvents(store)).toEqual([]);
  });
});
