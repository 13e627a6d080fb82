import { eventJob } from "../../../src/store/job-kinds.ts";
import type { SqliteStore } from "../../../src/store/sqlite/sqlite-store.ts";
import { workflowState } from "./store-fixture.ts";

export const DAY_MS = 86_400_000;

/** A workflow's rows as a real run leaves them: its row, audit events, a delivery, effect results, a finished job and seen marks. */
export function runWorkflow(store: SqliteStore, clock: { now: number }, issue: number): string {
  const id = `acme/stats#${issue}`;
  const deliveryId = `delivery-${issue}`;
  const state = workflowState(id, { issue, startedAt: clock.now });
  const event = { workflowId: id, at: clock.now, kind: "start", actor: "maya", deliveryId, data: { event: { type: "start" } } };
  store.recordDelivery({ id: deliveryId, event: "issues", action: "labeled", receivedAt: clock.now });
  store.markSeen("label", id);
  store.markSeen("comment", String(issue * 10));
  store.saveWorkflow(id, state, 0, true, [], [event]);
  store.recordEffect(`${id}@1:0:update_status`, { commentId: issue });
  store.recordEffect(`${id}/mean#1:code:${clock.now}`, { type: "task_published" });
  store.recordEffect(`writes:delivery:${deliveryId}`, [{ type: "react" }]);
  completeJob(store, clock, id);
  return id;
}

/** Ends a workflow run by `runWorkflow`, as a `/cancel` would. */
export function finishWorkflow(store: SqliteStore, clock: { now: number }, id: string): void {
  const record = store.getWorkflow(id);
  if (!record) throw new Error(`no workflow ${id}`);
  const state = { ...record.state, phase: "cancelled" as const, finishedAt: clock.now };
  const event = { workflowId: id, at: clock.now, kind: "cancel", actor: "maya", deliveryId: null, data: { event: { type: "cancel" } } };
  store.saveWorkflow(id, state, record.version, false, [], [event]);
}

/** Queues an event job for the workflow and runs it to done. */
function completeJob(store: SqliteStore, clock: { now: number }, workflowId: string): void {
  store.enqueueJob(eventJob(workflowId, { type: "approve_plan", by: "maya" }));
  const job = store.leaseJob("worker", clock.now, 60_000);
  if (!job) throw new Error("no job to lease");
  store.completeJob(job, "worker");
}
