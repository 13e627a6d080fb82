import { waitFor } from "@foreman/sandbox";
import { describe, expect, it, onTestFinished } from "vitest";
import { eventJob, taskJob } from "../../src/store/job-kinds.ts";
import type { SqliteStore } from "../../src/store/sqlite/sqlite-store.ts";
import { workerWith } from "./worker-fixture.ts";

/** A gate the test opens: long jobs wait on it, as on a model call that has not answered yet. */
function gate(): { wait: () => Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  onTestFinished(() => open());
  return { wait: () => opened, open };
}

const coder = (workflowId: string, taskId: string) => taskJob("task", { workflowId, taskId, attempt: 1 });
const event = (workflowId: string) => eventJob(workflowId, { type: "approve_plan", by: "maya" });

const states = (store: SqliteStore, key: string): string[] => store.jobsFor(key).map((job) => job.state);
const running = (store: SqliteStore, keys: string[]): string[] => keys.filter((key) => states(store, key).includes("leased"));

/** Waits up to 2 s for `check`; true when it held. */
const soon = (check: () => boolean): Promise<boolean> => waitFor(check, Date.now() + 2_000, 10);

describe("Worker lanes", () => {
  it("finishes a short job at once while model jobs fill every slot and wait on their model calls", async () => {
    const model = gate();
    const { worker, store } = workerWith({ task: model.wait, event: () => Promise.resolve() }, { concurrency: 1, modelConcurrency: 2 });
    const tasks = ["a", "b", "c", "d"].map((id) => `acme/stats#1/${id}`);
    for (const key of tasks) store.enqueueJob(coder("acme/stats#1", key.slice(-1)));
    worker.start();
    expect(await soon(() => running(store, tasks).length === 2)).toBe(true);

    const queuedAt = Date.now();
    store.enqueueJob(event("acme/stats#2"));
    worker.notify();

    expect(await soon(() => states(store, "acme/stats#2").includes("done"))).toBe(true);
    expect(Date.now() - queuedAt).toBeLessThan(1_000);
    // The model lane holds its two slots throughout: the other two tasks wait for them, not for the event.
    expect(running(store, tasks)).toHaveLength(2);
    model.open();
    expect(await soon(() => tasks.every((key) => states(store, key).includes("done")))).toBe(true);
  });

  it("moves a short job that turns to model work (the planner in an event's effects) to the model lane, freeing its short slot", async () => {
    const planner = gate();
    const { worker, store } = workerWith(
      {
        event: async (deps, { workflowId }) => {
          if (workflowId !== "acme/stats#1") return;
          await deps.enterModelLane?.("acme");
          await planner.wait();
        },
      },
      { concurrency: 1, modelConcurrency: 1 },
    );
    store.enqueueJob(event("acme/stats#1"));
    worker.start();
    expect(await soon(() => states(store, "acme/stats#1").includes("leased"))).toBe(true);

    store.enqueueJob(event("acme/stats#2"));
    store.enqueueJob(coder("acme/stats#3", "a"));
    worker.notify();

    // The one short slot is free again: the next event runs. The one model slot is the planner's: the coder waits.
    expect(await soon(() => states(store, "acme/stats#2").includes("done"))).toBe(true);
    expect(states(store, "acme/stats#3/a")).toEqual(["ready"]);
    planner.open();
    expect(await soon(() => states(store, "acme/stats#1").includes("done"))).toBe(true);
  });

  it("holds an installation to its share of the model lane, and lets other installations' jobs by", async () => {
    const model = gate();
    const { worker, store } = workerWith({ task: model.wait }, { modelConcurrency: 3, modelConcurrencyPerInstallation: 1 });
    const keys = ["acme/stats#1/a", "Acme/web#2/a", "globex/api#3/a"];
    store.enqueueJob(coder("acme/stats#1", "a"));
    store.enqueueJob(coder("Acme/web#2", "a"));
    store.enqueueJob(coder("globex/api#3", "a"));
    worker.start();

    expect(await soon(() => running(store, keys).length === 2)).toBe(true);
    expect(running(store, keys)).toEqual(["acme/stats#1/a", "globex/api#3/a"]);
    model.open();
    expect(await soon(() => keys.every((key) => states(store, key).includes("done")))).toBe(true);
  });

  it("gives a short job waiting for model work the next model slot before any model job queued", async () => {
    const first = gate();
    const order: string[] = [];
    const { worker, store } = workerWith(
      {
        task: async (_deps, { workflowId }) => {
          order.push(workflowId);
          if (workflowId === "acme/stats#1") await first.wait();
        },
        event: async (deps, { workflowId }) => {
          await deps.enterModelLane?.("acme");
          order.push(workflowId);
        },
      },
      { concurrency: 2, modelConcurrency: 1 },
    );
    store.enqueueJob(coder("acme/stats#1", "a"));
    worker.start();
    expect(await soon(() => order.length === 1)).toBe(true);
    store.enqueueJob(event("acme/stats#2"));
    worker.notify();
    expect(await soon(() => states(store, "acme/stats#2").includes("leased"))).toBe(true);
    store.enqueueJob(coder("acme/stats#3", "a"));
    worker.notify();

    first.open();

    expect(await soon(() => order.length === 3)).toBe(true);
    expect(order).toEqual(["acme/stats#1", "acme/stats#2", "acme/stats#3"]);
  });
});
