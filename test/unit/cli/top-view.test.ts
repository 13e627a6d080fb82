import { describe, expect, it } from "vitest";
import { renderTop, type TopSnapshot } from "../../../src/cli/top-view.ts";
import { NOW, summary, twoTaskWorkflow } from "./cli-fixtures.ts";

function snapshot(overrides: Partial<TopSnapshot> = {}): TopSnapshot {
  const state = twoTaskWorkflow();
  return {
    database: "/srv/foreman/foreman.db",
    workflows: [summary(), summary({ id: "acme/stats#3", repo: "acme/stats", phase: "completed", open: false, title: "Add sum" })],
    tasks: new Map([["acme/calculator#7", Object.values(state.tasks)]]),
    queue: [
      {
        id: 9,
        kind: "debug",
        key: "acme/calculator#7/mean",
        state: "leased",
        attempts: 1,
        runAt: NOW - 2000,
        lastError: null,
        leaseOwner: "worker-1",
        leaseExpiresAt: NOW + 45_000,
      },
    ],
    jobStates: { ready: 0, leased: 1, done: 14, failed: 1 },
    ...overrides,
  };
}

describe("foreman top", () => {
  it("shows the counts, the open workflows with their tasks, the last finished ones and the job queue", () => {
    const lines = renderTop(snapshot(), { width: 120, height: 40, now: NOW });

    expect(lines.join("\n")).toMatchInlineSnapshot(`
      "foreman top — /srv/foreman/foreman.db — 2023-11-14 22:13:20 UTC   (q to quit)
      workflows: 1 open, 1 finished   jobs: 0 queued, 1 running, 14 done, 1 failed

      WORKFLOW           PHASE      TASKS  COST   ACTIVITY  TITLE
      acme/calculator#7  executing  1/2    $0.75  5s ago    Add subtraction
          mean: fixing #12 @mean000
      acme/stats#3       completed  1/2    $0.75  5s ago    Add sum

      QUEUE (1 shown)
      JOB  KIND   KEY                     STATE    ATTEMPTS  WHEN          LAST ERROR
      #9   debug  acme/calculator#7/mean  running  1         lease in 45s"
    `);
  });

  it("fits the frame to the terminal: no line wider, no more lines than it has", () => {
    const lines = renderTop(snapshot(), { width: 40, height: 6, now: NOW });

    expect(lines).toHaveLength(6);
    expect(lines.every((line) => line.length <= 40)).toBe(true);
  });

  it("says so when there is nothing yet", () => {
    const lines = renderTop(snapshot({ workflows: [], tasks: new Map(), queue: [], jobStates: {} }), { width: 120, height: 40, now: NOW });

    expect(lines).toContain("No workflows yet.");
    expect(lines).toContain("The job queue is empty.");
  });
});
