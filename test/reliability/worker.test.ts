import { setTimeout as sleep } from "node:timers/promises";
import { waitFor } from "@foreman/sandbox";
import { describe, expect, it } from "vitest";
import { eventJob, taskJob } from "../../src/store/job-kinds.ts";
import type { Job } from "../../src/store/store.ts";
import type { SqliteStore } from "../../src/store/sqlite/sqlite-store.ts";
import { workerWith } from "./worker-fixture.ts";

/** How often these tests look at the store. */
const LOOK_MS = 10;

/** A job on key `w1`, run by the test's `event` handler. */
const queued = eventJob("w1", { type: "approve_plan", by: "maya" });

const stateOf = (store: SqliteStore, key = "w1"): string | undefined => store.jobsFor(key)[0]?.state;

/** Waits (up to `timeoutMs`) until the first job of `key` is in `state`; true when it got there. */
function reaches(store: SqliteStore, state: string, timeoutMs = 2_000, key = "w1"): Promise<boolean> {
  return waitFor(() => stateOf(store, key) === state, Date.now() + timeoutMs, LOOK_MS);
}

describe("Worker leases", () => {
  it("keeps extending the lease of a job that runs longer than the lease, so no one else takes it", async () => {
    // A lease that lapsed is free again a second after its expiry (see the store): the job outruns that by far.
    const leaseMs = 300;
    const runsMs = 2_000;
    const { worker, store } = workerWith({ event: () => sleep(runsMs) }, { leaseMs });
    store.enqueueJob(queued);
    worker.start();
    expect(await reaches(store, "leased")).toBe(true);
    const leasedAt = Date.now();

    // Another process tries to take the job on every look, for as long as it runs.
    const stolen: Job[] = [];
    const done = await waitFor(
      () => {
        const job = store.leaseJob("thief", Date.now(), leaseMs);
        if (job) stolen.push(job);
        return stateOf(store) === "done";
      },
      Date.now() + 2 * runsMs,
      LOOK_MS,
    );

    expect(stolen).toEqual([]);
    expect(done).toBe(true);
    expect(Date.now() - leasedAt).toBeGreaterThan(leaseMs + 1_000);
    expect(store.jobsFor("w1")[0]?.attempts).toBe(1);
  });
});

describe("Worker.stop (SIGTERM)", () => {
  it("lets a job in hand finish within the grace period and completes it", async () => {
    const { worker, store } = workerWith({ event: () => sleep(50) });
    store.enqueueJob(queued);
    worker.start();
    expect(await reaches(store, "leased")).toBe(true);

    const outcome = await worker.stop();

    expect(outcome).toEqual({ finished: 1, released: 0 });
    expect(store.jobsFor("w1")[0]?.state).toBe("done");
  });

  it("releases the lease of a job still running after the grace period, without counting the attempt", async () => {
    const { worker, store } = workerWith({ event: () => sleep(2_000) }, { shutdownGraceMs: 100 });
    store.enqueueJob(queued);
    worker.start();
    expect(await reaches(store, "leased")).toBe(true);

    const outcome = await worker.stop();
    const next = store.leaseJob("next-process", Date.now(), 1_000);

    expect(outcome).toEqual({ finished: 0, released: 1 });
    expect(next?.attempts).toBe(1);
  });

  it("takes no new job once stopping", async () => {
    const pollMs = 20;
    const { worker, store } = workerWith({ event: () => sleep(10) }, { pollMs });
    worker.start();
    await worker.stop();

    store.enqueueJob(queued);
    worker.notify();
    // A running worker looks for jobs every poll and at once when notified: ten polls pass without it taking this one.
    const taken = await waitFor(() => stateOf(store) !== "ready", Date.now() + 10 * pollMs, LOOK_MS / 2);

    expect(taken).toBe(false);
    expect(stateOf(store)).toBe("ready");
  });
});

describe("Worker failures", () => {
  it("fails a job for good once its attempts run out, and records that in the audit trail", async () => {
    const { worker, store } = workerWith({ task: () => Promise.reject(new Error("boom")) }, { maxAttempts: 1 });
    store.enqueueJob(taskJob("task", { workflowId: "acme/stats#1", taskId: "mean", attempt: 1 }));
    worker.start();

    expect(await reaches(store, "failed", 2_000, "acme/stats#1")).toBe(true);

    expect(store.jobsFor("acme/stats#1")[0]?.lastError).toBe("boom");
    expect(store.events("acme/stats#1").map((event) => event.kind)).toEqual(["job_failed"]);
  });
});
