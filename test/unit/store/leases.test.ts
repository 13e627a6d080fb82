import { describe, expect, it } from "vitest";
import { taskJob } from "../../../src/store/job-kinds.ts";
import type { Job } from "../../../src/store/store.ts";
import { eventJobFor, freshStore, workflowState } from "./store-fixture.ts";

function leased(job: Job | null): Job {
  if (!job) throw new Error("expected a job to be leased");
  return job;
}

describe("job leases", () => {
  it("keeps a job with its worker while the heartbeat extends the lease", () => {
    const { store } = freshStore();
    store.enqueueJob(eventJobFor("w1"));
    const job = leased(store.leaseJob("worker-a", 1_000, 100));

    const extended = store.extendLease(job, "worker-a", 1_500);
    const stolen = store.leaseJob("worker-b", 1_400, 100);

    expect(extended).toBe(true);
    expect(stolen).toBeNull();
    expect(store.completeJob(job, "worker-a")).toBe(true);
  });

  it("does not let a worker that lost its lease extend, complete or retry the job", () => {
    const { store } = freshStore();
    store.enqueueJob(eventJobFor("w1"));
    const first = leased(store.leaseJob("worker-a", 1_000, 100));
    const second = leased(store.leaseJob("worker-b", 3_000, 100));

    const results = [
      store.extendLease(first, "worker-a", 5_000),
      store.completeJob(first, "worker-a"),
      store.retryJob(first, "worker-a", "boom", 5_000),
      store.releaseJob(first, "worker-a", 5_000),
    ];

    expect(results).toEqual([false, false, false, false]);
    expect(second.leaseToken).toBe(first.leaseToken + 1);
    expect(store.completeJob(second, "worker-b")).toBe(true);
  });

  it("gives a job whose worker died to another worker only after a backoff past the lease expiry", () => {
    const { store } = freshStore();
    store.enqueueJob(eventJobFor("w1"));
    leased(store.leaseJob("worker-a", 1_000, 100));

    const tooSoon = store.leaseJob("worker-b", 1_100, 100);
    const afterBackoff = store.leaseJob("worker-b", 2_100, 100);

    expect(tooSoon).toBeNull();
    expect(afterBackoff?.attempts).toBe(2);
  });

  it("backs off longer each time the same job loses its worker", () => {
    const { store } = freshStore();
    store.enqueueJob(eventJobFor("w1"));
    leased(store.leaseJob("worker-a", 1_000, 100));
    leased(store.leaseJob("worker-b", 2_100, 100));

    const stillWaiting = store.leaseJob("worker-c", 3_100, 100);
    const third = store.leaseJob("worker-c", 4_200, 100);

    expect(stillWaiting).toBeNull();
    expect(third?.attempts).toBe(3);
  });

  it("releases a job without counting the attempt, ready at the given time", () => {
    const { store } = freshStore();
    store.enqueueJob(eventJobFor("w1"));
    const job = leased(store.leaseJob("worker-a", 1_000, 60_000));

    const released = store.releaseJob(job, "worker-a", 2_000, "released at shutdown");

    expect(released).toBe(true);
    expect(store.leaseJob("worker-b", 1_999, 60_000)).toBeNull();
    expect(store.leaseJob("worker-b", 2_000, 60_000)?.attempts).toBe(1);
  });

  it("puts a rate-limited job back as a wait: not an attempt, but counted as a wait", () => {
    const { store } = freshStore();
    store.enqueueJob(eventJobFor("w1"));
    const job = leased(store.leaseJob("worker-a", 1_000, 60_000));

    store.delayJob(job, "worker-a", 1_500, "secondary rate limit");
    const again = leased(store.leaseJob("worker-a", 1_500, 60_000));

    expect(again).toMatchObject({ attempts: 1, waits: 1 });
    expect(store.jobsFor("w1")[0]?.lastError).toBe("secondary rate limit");
  });

  it("does not let a worker that lost its lease save its result over the newer one (version check)", () => {
    const { store } = freshStore();
    store.saveWorkflow("w1", workflowState("w1", { phase: "planning" }), 0, true);
    store.enqueueJob(eventJobFor("w1"));
    const stale = leased(store.leaseJob("worker-a", 1_000, 100));
    const readByStale = store.getWorkflow("w1");
    const fresh = leased(store.leaseJob("worker-b", 3_000, 100));
    const readByFresh = store.getWorkflow("w1");

    const freshSaved = store.saveWorkflow("w1", workflowState("w1", { phase: "executing" }), readByFresh?.version ?? 0, true, [
      eventJobFor("w1", "fresh"),
    ]);
    const staleSaved = store.saveWorkflow("w1", workflowState("w1", { phase: "cancelled" }), readByStale?.version ?? 0, true, [
      eventJobFor("w1", "stale"),
    ]);

    expect([freshSaved, staleSaved]).toEqual([true, false]);
    expect(store.getWorkflow("w1")?.state.phase).toBe("executing");
    expect(store.completeJob(stale, "worker-a")).toBe(false);
    expect(store.completeJob(fresh, "worker-b")).toBe(true);
    expect(store.pendingJobs()).toBe(1);
  });
});

describe("jobs of a workflow", () => {
  it("counts the workflow's own jobs and its tasks' jobs, not another workflow's", () => {
    const { store } = freshStore();
    store.enqueueJob(eventJobFor("acme/stats#1"));
    store.enqueueJob(taskJob("task", { workflowId: "acme/stats#1", taskId: "mean", attempt: 1 }));
    store.enqueueJob(taskJob("task", { workflowId: "acme/stats#12", taskId: "mean", attempt: 1 }));

    expect(store.pendingJobsFor("acme/stats#1")).toBe(2);
    expect(store.pendingJobsFor("acme/stats#12")).toBe(1);
  });

  it("cancels the waiting jobs of a workflow but leaves a running one to its worker", () => {
    const { store } = freshStore();
    store.enqueueJob(eventJobFor("acme/stats#1"));
    store.enqueueJob(taskJob("task", { workflowId: "acme/stats#1", taskId: "mean", attempt: 1 }));
    store.enqueueJob(eventJobFor("acme/stats#1"));
    const running = leased(store.leaseJob("worker-a", 1_000, 60_000));

    const cancelled = store.cancelJobsFor("acme/stats#1");

    expect(running.key).toBe("acme/stats#1");
    expect(cancelled).toBe(2);
    expect(store.jobsFor("acme/stats#1").map((job) => job.state)).toEqual(["leased", "cancelled", "cancelled"]);
  });
});
