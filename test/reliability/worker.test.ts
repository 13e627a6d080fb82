import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { waitUntil } from "./wait.ts";
import { workerWith } from "./worker-fixture.ts";

describe("Worker leases", () => {
  it("keeps extending the lease of a job that runs longer than the lease, so no one else takes it", async () => {
    const { worker, store } = workerWith({ slow: () => sleep(1_000) }, { leaseMs: 300 });
    store.enqueueJob({ kind: "slow", key: "w1", payload: {} });
    worker.start();
    await waitUntil(() => store.jobsFor("w1")[0]?.state === "leased");

    await sleep(700);
    const thief = store.leaseJob("thief", Date.now(), 300);
    await waitUntil(() => store.jobsFor("w1")[0]?.state === "done", 3_000);

    expect(thief).toBeNull();
    expect(store.jobsFor("w1")[0]?.attempts).toBe(1);
  });
});

describe("Worker.stop (SIGTERM)", () => {
  it("lets a job in hand finish within the grace period and completes it", async () => {
    const { worker, store } = workerWith({ quick: () => sleep(50) });
    store.enqueueJob({ kind: "quick", key: "w1", payload: {} });
    worker.start();
    await waitUntil(() => store.jobsFor("w1")[0]?.state === "leased");

    const outcome = await worker.stop();

    expect(outcome).toEqual({ finished: 1, released: 0 });
    expect(store.jobsFor("w1")[0]?.state).toBe("done");
  });

  it("releases the lease of a job still running after the grace period, without counting the attempt", async () => {
    const { worker, store } = workerWith({ stuck: () => sleep(2_000) }, { shutdownGraceMs: 100 });
    store.enqueueJob({ kind: "stuck", key: "w1", payload: {} });
    worker.start();
    await waitUntil(() => store.jobsFor("w1")[0]?.state === "leased");

    const outcome = await worker.stop();
    const next = store.leaseJob("next-process", Date.now(), 1_000);

    expect(outcome).toEqual({ finished: 0, released: 1 });
    expect(next?.attempts).toBe(1);
  });

  it("takes no new job once stopping", async () => {
    const { worker, store } = workerWith({ quick: () => sleep(10) });
    worker.start();
    await worker.stop();

    store.enqueueJob({ kind: "quick", key: "w1", payload: {} });
    await sleep(100);

    expect(store.jobsFor("w1")[0]?.state).toBe("ready");
  });
});

describe("Worker failures", () => {
  it("fails a job for good once its attempts run out, and records that in the audit trail", async () => {
    const { worker, store } = workerWith({ broken: () => Promise.reject(new Error("boom")) }, { maxAttempts: 1 });
    store.enqueueJob({ kind: "broken", key: "acme/stats#1/mean", payload: {} });
    worker.start();

    await waitUntil(() => store.jobsFor("acme/stats#1")[0]?.state === "failed");

    expect(store.jobsFor("acme/stats#1")[0]?.lastError).toBe("boom");
    expect(store.events("acme/stats#1").map((event) => event.kind)).toEqual(["job_failed"]);
  });
});
