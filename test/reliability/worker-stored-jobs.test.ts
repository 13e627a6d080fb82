import { DatabaseSync } from "node:sqlite";
import { waitFor } from "@foreman/sandbox";
import { describe, expect, it } from "vitest";
import { eventJob } from "../../src/store/job-kinds.ts";
import { workerWith } from "./worker-fixture.ts";

/** Writes a job row straight into the database, as an older release (or a hand edit) may have left it. */
function insertRow(path: string, kind: string, key: string, payload: unknown): void {
  const db = new DatabaseSync(path);
  db.prepare("INSERT INTO jobs (kind, key, payload, run_at) VALUES (?, ?, ?, 0)").run(kind, key, JSON.stringify(payload));
  db.close();
}

describe("Worker and stored jobs that do not read", () => {
  it("fails a job whose payload is not its kind's at once, naming the kind and the field, and goes on with the others", async () => {
    const ran: string[] = [];
    const runEvent = (_deps: unknown, payload: { workflowId: string }): Promise<void> => {
      ran.push(payload.workflowId);
      return Promise.resolve();
    };
    const { worker, store, path } = workerWith({ event: runEvent }, { maxAttempts: 5 });
    insertRow(path, "debug", "acme/stats#1/mean", { workflowId: "acme/stats#1", taskId: "mean" });
    insertRow(path, "reticulate", "acme/stats#2", {});
    store.enqueueJob(eventJob("acme/stats#3", { type: "approve_plan", by: "maya" }));
    worker.start();

    const settled = await waitFor(() => store.pendingJobs() === 0, Date.now() + 5_000, 10);

    expect(settled).toBe(true);
    expect(ran).toEqual(["acme/stats#3"]);
    expect(store.jobsFor("acme/stats#1")).toEqual([expect.objectContaining({ kind: "debug", state: "failed", attempts: 1 })]);
    expect(store.jobsFor("acme/stats#1")[0]?.lastError).toMatch(/^job "debug" has a payload that is not its kind's:[\s\S]*sha/);
    expect(store.jobsFor("acme/stats#2")).toEqual([expect.objectContaining({ state: "failed", attempts: 1, lastError: 'job "reticulate" is not a kind of job this Foreman runs' })]);
    expect(store.events("acme/stats#1").map((event) => event.kind)).toEqual(["job_failed"]);
  });
});
