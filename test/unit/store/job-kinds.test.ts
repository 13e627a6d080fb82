import { DatabaseSync } from "node:sqlite";
import { describe, expect, it } from "vitest";
import { InvalidJobError, parseLeasedJob, taskJob, type JobInput } from "../../../src/store/job-kinds.ts";
import type { Job } from "../../../src/store/store.ts";
import { eventJobFor, freshStore, workflowState } from "./store-fixture.ts";

/** A job as a program that skips the types would queue it. */
function untyped(job: { kind: string; key: string; payload: unknown }): JobInput {
  return JSON.parse(JSON.stringify(job)) as JobInput;
}

function leasedRow(kind: string, payload: unknown): Job {
  return { id: 1, kind, key: "acme/stats#1/mean", payload, attempts: 1, waits: 0, leaseToken: 1 };
}

describe("job payloads when queued", () => {
  it("queues a job whose payload fits its kind, and leases it back as its kind", () => {
    const { store } = freshStore();
    store.enqueueJob(taskJob("review", { workflowId: "acme/stats#1", taskId: "mean", sha: "abc" }));

    const job = store.leaseJob("worker-a", 1_000, 60_000);

    expect(job && parseLeasedJob(job)).toMatchObject({
      kind: "review",
      key: "acme/stats#1/mean",
      payload: { workflowId: "acme/stats#1", taskId: "mean", sha: "abc" },
    });
  });

  it("refuses a payload that is not its kind's with an InvalidJobError naming the kind and the field, queueing nothing", () => {
    const { store } = freshStore();
    const job = untyped({ kind: "debug", key: "acme/stats#1/mean", payload: { workflowId: "acme/stats#1", taskId: "mean" } });

    expect(() => store.enqueueJob(job)).toThrow(InvalidJobError);
    expect(() => store.enqueueJob(job)).toThrow(/job "debug" has a payload that is not its kind's:[\s\S]*sha/);
    expect(store.pendingJobs()).toBe(0);
  });

  it("refuses a kind no runner knows", () => {
    const { store } = freshStore();

    expect(() => store.enqueueJob(untyped({ kind: "reticulate", key: "w1", payload: {} }))).toThrow(
      /job "reticulate" is not a kind of job this Foreman runs/,
    );
    expect(store.pendingJobs()).toBe(0);
  });

  it("saves nothing when a job queued with a workflow save does not fit: the save and its jobs are one transaction", () => {
    const { store } = freshStore();
    const bad = untyped({ kind: "event", key: "w1", payload: { workflowId: "w1", event: { type: "approve_plan" } } });

    expect(() => store.saveWorkflow("w1", workflowState("w1"), 0, true, [eventJobFor("w1"), bad])).toThrow(InvalidJobError);
    expect(store.getWorkflow("w1")).toBeNull();
    expect(store.pendingJobs()).toBe(0);
  });
});

describe("job payloads when leased", () => {
  it("reads a payload queued by an older release, or by hand, only when it fits its kind", () => {
    const { store, path } = freshStore();
    const db = new DatabaseSync(path);
    db.prepare("INSERT INTO jobs (kind, key, payload, run_at) VALUES ('task', 'acme/stats#1/mean', ?, 0)").run(
      JSON.stringify({ workflowId: "acme/stats#1", taskId: "mean", attempt: 0 }),
    );
    db.close();

    const job = store.leaseJob("worker-a", 1_000, 60_000);

    expect(job?.kind).toBe("task");
    expect(() => job && parseLeasedJob(job)).toThrow(/job "task" has a payload that is not its kind's:[\s\S]*attempt/);
  });

  it("names an unknown kind rather than running it", () => {
    expect(() => parseLeasedJob(leasedRow("slow", {}))).toThrow(/job "slow" is not a kind of job this Foreman runs/);
  });

  it("reads an intake job's payload as the webhook it narrowed", () => {
    const intake = {
      kind: "base_moved",
      ref: { installationId: 1, owner: "acme", repo: "stats" },
      branch: "main",
      sha: "abc",
      deliveryId: "d-1",
    };

    const job = parseLeasedJob({ ...leasedRow("intake", intake), key: "acme/stats" });

    expect(job).toMatchObject({ kind: "intake", payload: intake });
  });
});
