import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SqliteStore } from "../../../src/store/sqlite/sqlite-store.ts";
import { eventJobFor, workflowState } from "./store-fixture.ts";

describe("SqliteStore", () => {
  let dir: string;
  let store: SqliteStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "foreman-store-"));
    store = new SqliteStore(join(dir, "foreman.db"), () => 1_000);
  });

  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("records a delivery id once and reports the replay", () => {
    const delivery = { id: "d-1", event: "issues", action: "labeled", receivedAt: 1 };

    const first = store.recordDelivery(delivery);
    const second = store.recordDelivery(delivery);

    expect([first, second]).toEqual([true, false]);
  });

  it("runs jobs that share a key one at a time and in order", () => {
    store.enqueueJob(eventJobFor("w1", "first"));
    store.enqueueJob(eventJobFor("w1", "second"));
    store.enqueueJob(eventJobFor("w2", "third"));

    const a = store.leaseJob("worker-a", 1_000, 60_000);
    const b = store.leaseJob("worker-b", 1_000, 60_000);
    const c = store.leaseJob("worker-c", 1_000, 60_000);

    expect(a?.payload).toEqual(eventJobFor("w1", "first").payload);
    expect(b?.payload).toEqual(eventJobFor("w2", "third").payload);
    expect(c).toBeNull();
  });

  it("hands an expired lease to another worker (after a backoff) and fences the old one out", () => {
    store.enqueueJob(eventJobFor("w1"));
    const first = store.leaseJob("worker-a", 1_000, 100);

    const second = store.leaseJob("worker-b", 2_200, 100);
    const staleCompleted = first ? store.completeJob(first, "worker-a") : true;
    const freshCompleted = second ? store.completeJob(second, "worker-b") : false;

    expect(second?.attempts).toBe(2);
    expect(staleCompleted).toBe(false);
    expect(freshCompleted).toBe(true);
    expect(store.pendingJobs()).toBe(0);
  });

  it("delays a retried job until its run time", () => {
    store.enqueueJob(eventJobFor("w1"));
    const job = store.leaseJob("worker-a", 1_000, 60_000);
    if (!job) throw new Error("expected a job");

    store.retryJob(job, "worker-a", "rate limited", 5_000);

    expect(store.leaseJob("worker-a", 4_999, 60_000)).toBeNull();
    expect(store.leaseJob("worker-a", 5_000, 60_000)?.id).toBe(job.id);
  });

  it("saves a workflow only against the version it read", () => {
    const created = store.saveWorkflow("w1", workflowState("w1", { phase: "planning" }), 0, true);
    const stale = store.saveWorkflow("w1", workflowState("w1", { phase: "cancelled" }), 0, true);
    const updated = store.saveWorkflow("w1", workflowState("w1", { phase: "executing" }), 1, true);
    const conflicting = store.saveWorkflow("w1", workflowState("w1", { phase: "failed" }), 1, true);

    expect([created, stale, updated, conflicting]).toEqual([true, false, true, false]);
    expect(store.getWorkflow("w1")).toEqual({ id: "w1", state: workflowState("w1", { phase: "executing" }), version: 2, open: true });
  });

  it("lists only open workflows", () => {
    store.saveWorkflow("open", workflowState("open"), 0, true);
    store.saveWorkflow("closed", workflowState("closed"), 0, false);

    expect(store.openWorkflows().map((workflow) => workflow.id)).toEqual(["open"]);
  });

  it("keeps events in append order and effect results by key", () => {
    store.appendEvent({ workflowId: "w1", at: 1, kind: "labeled", actor: "maya", deliveryId: "d-1", data: { label: "foreman" } });
    store.appendEvent({ workflowId: "w1", at: 2, kind: "planned", actor: null, deliveryId: null, data: { tasks: 3 } });
    store.recordEffect("w1:pr:a", { number: 7 });

    expect(store.events("w1").map((event) => event.kind)).toEqual(["labeled", "planned"]);
    expect(store.effectResult("w1:pr:a")).toEqual({ number: 7 });
    expect(store.effectResult("w1:pr:b")).toBeUndefined();
  });

  it("keeps its data across a reopen of the same file", () => {
    store.saveWorkflow("w1", workflowState("w1", { phase: "executing" }), 0, true);
    store.close();

    store = new SqliteStore(join(dir, "foreman.db"));

    expect(store.getWorkflow("w1")?.state).toEqual(workflowState("w1", { phase: "executing" }));
  });
});
