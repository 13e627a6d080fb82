import { DatabaseSync } from "node:sqlite";
import { waitFor } from "@foreman/sandbox";
import { describe, expect, it } from "vitest";
import { WORKFLOW_STATE_VERSION } from "../../src/engine/stored-state.ts";
import { eventJob, taskJob } from "../../src/store/job-kinds.ts";
import { executingWorkflow } from "./reconcile-fixture.ts";
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
    expect(store.jobsFor("acme/stats#2")).toEqual([
      expect.objectContaining({ state: "failed", attempts: 1, lastError: 'job "reticulate" is not a kind of job this Foreman runs' }),
    ]);
    expect(store.events("acme/stats#1").map((event) => event.kind)).toEqual(["job_failed"]);
  });

  it("fails an event job at once when its workflow was stored by a newer Foreman, and goes on when the give-up hook throws too", async () => {
    const ran: string[] = [];
    const runTask = (_deps: unknown, payload: { taskId: string }): Promise<void> => {
      ran.push(payload.taskId);
      return Promise.resolve();
    };
    const throwing = (): void => {
      throw new Error("the hook could not read the workflow either");
    };
    const { worker, store, path } = workerWith({ task: runTask }, { maxAttempts: 5 }, { onGaveUp: throwing });
    const state = executingWorkflow();
    store.saveWorkflow(state.id, state, 0, true);
    const db = new DatabaseSync(path);
    db.prepare("UPDATE workflows SET state_version = ? WHERE id = ?").run(WORKFLOW_STATE_VERSION + 1, state.id);
    db.close();
    store.enqueueJob(eventJob(state.id, { type: "cancel", by: "maya" }));
    store.enqueueJob(taskJob("task", { workflowId: "acme/other#2", taskId: "later", attempt: 1 }));
    worker.start();

    const settled = await waitFor(() => store.pendingJobs() === 0, Date.now() + 5_000, 10);

    expect(settled).toBe(true);
    expect(ran).toEqual(["later"]);
    expect(store.jobsFor(state.id)).toEqual([expect.objectContaining({ kind: "event", state: "failed", attempts: 1 })]);
    expect(store.jobsFor(state.id)[0]?.lastError).toContain(
      `workflow ${state.id} was written by a newer Foreman (state version ${WORKFLOW_STATE_VERSION + 1}`,
    );
  });
});
