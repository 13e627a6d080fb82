import { describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import { performStep, waitFor } from "@foreman/sandbox";
import { liveWorld, readDb } from "./live-world.ts";

describe("graceful shutdown on SIGTERM", () => {
  it("takes no new job, releases the lease of a job still running, exits 0 and leaves a clean database", async () => {
    const world = await liveWorld(
      (scenario) => ({
        ...scenario,
        model: {
          ...scenario.model,
          answers: scenario.model.answers.map((answer) => (answer.role === "engineer" ? { ...answer, delayMs: 20_000 } : answer)),
        },
      }),
      { appEnv: { FOREMAN_SHUTDOWN_GRACE_SECONDS: "1" } },
    );
    const [label] = world.scenario.steps;
    if (!label) throw new Error("the scenario has no label step");
    await performStep(world, label);
    expect(await waitFor(() => (world.model?.requests().length ?? 0) > 0, Date.now() + 20_000), "the engineer's model call started").toBe(
      true,
    );

    const code = await world.appProcess.stop(15_000);
    const jobs = readDb(world, (db) => db.prepare("SELECT kind, state, attempts FROM jobs WHERE state <> 'done'").all());
    const integrity = readDb(world, (db) => db.prepare("PRAGMA integrity_check").get());
    const log = await readFile(world.appLog, "utf8");

    expect(code).toBe(0);
    expect(jobs).toEqual([{ kind: "intake", state: "ready", attempts: 0 }]);
    expect(integrity).toEqual({ integrity_check: "ok" });
    expect(log).toContain("released the leases of jobs still running at shutdown");
    expect(log).toContain("stopped; the database is closed");
  });
});
