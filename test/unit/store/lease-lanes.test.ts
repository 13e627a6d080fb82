import { DatabaseSync } from "node:sqlite";
import { describe, expect, it } from "vitest";
import { kindsOf, laneFilter, taskJob } from "../../../src/store/job-kinds.ts";
import type { Job } from "../../../src/store/store.ts";
import { eventJobFor, freshStore } from "./store-fixture.ts";

const SHORT = laneFilter("short");
const MODEL = laneFilter("model");

const coder = (workflowId: string, taskId = "mean") => taskJob("task", { workflowId, taskId, attempt: 1 });

function leased(job: Job | null): Job {
  if (!job) throw new Error("expected a job to be leased");
  return job;
}

describe("leasing by lane", () => {
  it("puts every model call's job in the model lane and the rest in the short lane", () => {
    expect(kindsOf("model").sort()).toEqual(["amend", "debug", "rebase", "review", "revise", "task"]);
    expect(kindsOf("short").sort()).toEqual(["event", "installation_removed", "intake"]);
  });

  it("takes only its lane's kinds, oldest first, and leaves the other lane's jobs to it", () => {
    const { store } = freshStore();
    const coderId = store.enqueueJob(coder("acme/stats#1"));
    const eventId = store.enqueueJob(eventJobFor("acme/stats#2"));

    const short = leased(store.leaseJob("w", 1_000, 100, SHORT));
    const noMoreShort = store.leaseJob("w", 1_000, 100, SHORT);
    const model = leased(store.leaseJob("w", 1_000, 100, MODEL));

    expect([short.id, short.kind]).toEqual([eventId, "event"]);
    expect(noMoreShort).toBeNull();
    expect([model.id, model.kind]).toEqual([coderId, "task"]);
  });

  it("keeps jobs of one key in order across lanes: a short job waits for an older model job of its key", () => {
    const { store } = freshStore();
    // Two jobs on one key, the model one queued first (a task's coder, then its rebase's follow-up event on the same key).
    const key = "acme/stats#1/mean";
    store.enqueueJob(coder("acme/stats#1"));
    store.enqueueJob({ ...eventJobFor("acme/stats#1"), key });

    const shortWhileOlderWaits = store.leaseJob("w", 1_000, 100, SHORT);
    const model = leased(store.leaseJob("w", 1_000, 100, MODEL));
    const shortWhileOlderRuns = store.leaseJob("w", 1_000, 100, SHORT);
    store.completeJob(model, "w");
    const shortAfter = leased(store.leaseJob("w", 1_000, 100, SHORT));

    expect(shortWhileOlderWaits).toBeNull();
    expect(shortWhileOlderRuns).toBeNull();
    expect(shortAfter.key).toBe(key);
  });

  it("skips the jobs of owners at their cap, whatever the case of the owner's name", () => {
    const { store } = freshStore();
    store.enqueueJob(coder("Acme/stats#1"));
    store.enqueueJob(coder("acme/web#4"));
    const otherId = store.enqueueJob(coder("globex/api#2"));

    const job = leased(store.leaseJob("w", 1_000, 100, { ...MODEL, skipOwners: ["ACME"] }));

    expect(job.id).toBe(otherId);
    expect(store.leaseJob("w", 1_000, 100, { ...MODEL, skipOwners: ["acme", "globex"] })).toBeNull();
  });

  it("takes a stored job of a kind it does not know in the short lane, so it fails with its reason instead of waiting forever", () => {
    const { store, path } = freshStore();
    // A row written by another release, of a kind this one does not run.
    const db = new DatabaseSync(path);
    db.prepare("INSERT INTO jobs (kind, key, payload, run_at) VALUES ('reticulate', 'acme/stats#1', '{}', 0)").run();
    db.close();

    expect(store.leaseJob("w", 1_000, 100, MODEL)).toBeNull();
    expect(leased(store.leaseJob("w", 1_000, 100, SHORT)).kind).toBe("reticulate");
  });

  it("leases any kind without a filter, as before lanes", () => {
    const { store } = freshStore();
    store.enqueueJob(coder("acme/stats#1"));
    store.enqueueJob(eventJobFor("acme/stats#2"));

    const kinds = [leased(store.leaseJob("w", 1_000, 100)).kind, leased(store.leaseJob("w", 1_000, 100)).kind];

    expect(kinds).toEqual(["task", "event"]);
  });

  it("takes a model job whose worker died, after the backoff, in the model lane only", () => {
    const { store } = freshStore();
    store.enqueueJob(coder("acme/stats#1"));
    leased(store.leaseJob("dead", 1_000, 100, MODEL));

    expect(store.leaseJob("w", 2_100, 100, SHORT)).toBeNull();
    expect(store.leaseJob("w", 2_100, 100, MODEL)?.attempts).toBe(2);
  });
});
