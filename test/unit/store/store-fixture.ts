import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { onTestFinished } from "vitest";
import type { WorkflowState } from "../../../src/engine/types.ts";
import { eventJob, type JobInput } from "../../../src/store/job-kinds.ts";
import { SqliteStore } from "../../../src/store/sqlite/sqlite-store.ts";
import { planned, planOf } from "../engine/engine-fixtures.ts";

/** A store on a fresh file, closed and removed when the test ends; `clock.now` is what it takes as the time. */
export function freshStore(): { store: SqliteStore; path: string; clock: { now: number } } {
  const dir = mkdtempSync(join(tmpdir(), "foreman-store-"));
  const path = join(dir, "foreman.db");
  const clock = { now: 1_000 };
  const store = new SqliteStore(path, () => clock.now);
  onTestFinished(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { store, path, clock };
}

/** A real workflow state, as the engine makes it once a plan is ready, under the id `id`. */
export function workflowState(id: string, overrides: Partial<WorkflowState> = {}): WorkflowState {
  return { ...planned(planOf({ id: "mean" })).state, id, ...overrides };
}

/** An event job for workflow `workflowId` (its own key), told apart from others by who approved the plan. */
export function eventJobFor(workflowId: string, by = "maya"): JobInput<"event"> {
  return eventJob(workflowId, { type: "approve_plan", by });
}
