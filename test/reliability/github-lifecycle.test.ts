import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { play, expireInstallationTokens } from "@foreman/sandbox";
import { foremanUnderTest } from "../../demo/foreman-under-test.ts";
import { loadBenchScenario } from "../../bench/harness/bench-scenario.ts";
import { jobStates, liveWorld, startWork, storedWorkflow } from "./live-world.ts";
import { waitUntil } from "./wait.ts";

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
  }, 60_000);

  it("closes the workflow of a deleted repository with the reason, and stops retrying", async () => {
    const world = await liveWorld();
    await startWork(world);

    world.repo.deleted = true;
    await waitUntil(() => storedWorkflow(world)?.open === false, 30_000);
    await sleep(3_000);

    expect(storedWorkflow(world)).toMatchObject({ phase: "cancelled", open: false });
    expect(storedWorkflow(world)?.failure).toMatch(/gone/);
    expect(world.appPendingJobs()).toBe(0);
    expect(jobStates(world).failed ?? 0).toBeLessThanOrEqual(2);
    expect(world.appProcess.child.exitCode).toBeNull();
  }, 60_000);

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
    await waitUntil(() => storedWorkflow(world)?.open === false, 30_000);

    expect(storedWorkflow(world)).toMatchObject({ phase: "cancelled", open: false });
    expect(storedWorkflow(world)?.failure).toMatch(/uninstalled/);
  }, 60_000);
});
