import { describe, expect, it } from "vitest";
import { play, expireInstallationTokens, waitFor, type World } from "@foreman/sandbox";
import { foremanUnderTest } from "../../demo/foreman-under-test.ts";
import { loadBenchScenario } from "../../bench/harness/bench-scenario.ts";
import { jobStates, liveWorld, startWork, storedWorkflow } from "./live-world.ts";

/** Waits up to 30 s for the app to close the run's workflow; true when it did. */
const workflowCloses = (world: World): Promise<boolean> => waitFor(() => storedWorkflow(world)?.open === false, Date.now() + 30_000);

const TASKS = ["mean", "median", "summary"];

describe("GitHub lifecycle faults", () => {
  it("refreshes an installation token GitHub stopped accepting, and the work completes", async () => {
    const expiries: number[] = [];

    const result = await play(await loadBenchScenario(), {
      world: { app: foremanUnderTest },
      tasks: TASKS,
      timeoutMs: 50_000,
      onStart: (world) => {
        for (const ms of [1_500, 4_000]) {
          setTimeout(() => {
            expireInstallationTokens(world.github.store);
            expiries.push(world.github.requestLog.all().filter((entry) => entry.status === 401).length);
          }, ms).unref();
        }
      },
      inspect: (world) => {
        expiries.push(world.github.requestLog.all().filter((entry) => entry.status === 401).length);
      },
    });

    expect(result.finished, result.appLogTail).toBe(true);
    expect(expiries.at(-1)).toBeGreaterThan(0);
  });

  it("closes the workflow of a deleted repository with the reason, and stops retrying", async () => {
    const world = await liveWorld();
    await startWork(world);

    world.repo.deleted = true;
    expect(await workflowCloses(world)).toBe(true);
    expect(await waitFor(() => world.appPendingJobs() === 0, Date.now() + 10_000)).toBe(true);
    // For longer than a reconciler pass (2 s here), no job is queued again and no more than two failed.
    const retried = await waitFor(() => world.appPendingJobs() > 0 || (jobStates(world).failed ?? 0) > 2, Date.now() + 3_000);

    expect(retried).toBe(false);
    expect(storedWorkflow(world)).toMatchObject({ phase: "cancelled", open: false });
    expect(storedWorkflow(world)?.failure).toMatch(/gone/);
    expect(world.appPendingJobs()).toBe(0);
    expect(jobStates(world).failed ?? 0).toBeLessThanOrEqual(2);
    expect(world.appProcess.child.exitCode).toBeNull();
  });

  it("closes the workflows of an installation when the app is uninstalled", async () => {
    const world = await liveWorld();
    await startWork(world);
    const installation = [...world.github.store.installations.values()][0];
    if (!installation) throw new Error("expected an installation");

    world.github.store.installations.delete(installation.id);
    world.github.webhooks.send(world.app, "installation", {
      action: "deleted",
      installation: { id: installation.id, account: world.github.userPayload(installation.account.login), app_id: world.app.id },
      sender: world.github.userPayload(installation.account.login),
    });
    expect(await workflowCloses(world)).toBe(true);

    expect(storedWorkflow(world)).toMatchObject({ phase: "cancelled", open: false });
    expect(storedWorkflow(world)?.failure).toMatch(/uninstalled/);
  });
});
