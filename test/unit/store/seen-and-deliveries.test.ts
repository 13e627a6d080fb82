import { describe, expect, it } from "vitest";
import { intakeJob } from "../../../src/store/job-kinds.ts";
import { StoreIntakeSink } from "../../../src/store/store-intake-sink.ts";
import type { Intake } from "../../../src/worker/intake.ts";
import { freshStore, workflowState } from "./store-fixture.ts";

const ref = { installationId: 7, owner: "acme", repo: "stats" };

const comment = (commentId: number, deliveryId: string): Intake => ({
  kind: "issue_comment",
  ref,
  issue: 1,
  pullRequestBody: null,
  commentId,
  body: "/approve",
  createdAt: null,
  sender: { login: "maya", type: "User" },
  deliveryId,
});

describe("seen marks and deliveries", () => {
  it("marks something seen once", () => {
    const { store } = freshStore();

    const marks = [store.markSeen("comment", "42"), store.markSeen("comment", "42"), store.markSeen("label", "42")];

    expect(marks).toEqual([true, false, true]);
    expect(store.hasSeen("comment", "42")).toBe(true);
    expect(store.hasSeen("comment", "43")).toBe(false);
  });

  it("queues a job for something unseen once, and nothing the second time", () => {
    const { store } = freshStore();
    const job = intakeJob("acme/stats#1", comment(42, "d-1"));

    const first = store.enqueueUnseen(job, { kind: "comment", key: "42" });
    const second = store.enqueueUnseen(job, { kind: "comment", key: "42" });

    expect([first, second]).toEqual([true, false]);
    expect(store.pendingJobs()).toBe(1);
  });

  it("appends a save's audit events only when the save wins", () => {
    const { store } = freshStore();
    const event = (kind: string) => ({ workflowId: "w1", at: 1, kind, actor: null, deliveryId: null, data: {} });

    store.saveWorkflow("w1", workflowState("w1"), 0, true, [], [event("start")]);
    store.saveWorkflow("w1", workflowState("w1"), 0, true, [], [event("lost race")]);
    store.saveWorkflow("w1", workflowState("w1"), 1, true, [], [event("plan_done"), event("effect_result")]);

    expect(store.events("w1").map((entry) => entry.kind)).toEqual(["start", "plan_done", "effect_result"]);
  });
});

describe("StoreIntakeSink", () => {
  it("queues a delivery once, however often it is delivered", () => {
    const { store } = freshStore();
    const sink = new StoreIntakeSink(
      store,
      () => 1,
      () => undefined,
    );
    const input = { deliveryId: "d-1", event: "issue_comment", action: "created", key: "acme/stats#1", intake: comment(42, "d-1") };

    const results = [sink.accept(input), sink.accept(input)];

    expect(results).toEqual([true, false]);
    expect(store.pendingJobs()).toBe(1);
  });

  it("does not queue a comment the reconciler already fed in, when its webhook arrives late", () => {
    const { store } = freshStore();
    const sink = new StoreIntakeSink(
      store,
      () => 1,
      () => undefined,
    );
    store.enqueueUnseen(
      { kind: "intake", key: "acme/stats#1", payload: comment(42, "reconcile:comment:42") },
      { kind: "comment", key: "42" },
    );

    const late = sink.accept({
      deliveryId: "d-9",
      event: "issue_comment",
      action: "created",
      key: "acme/stats#1",
      intake: comment(42, "d-9"),
    });

    expect(late).toBe(false);
    expect(store.pendingJobs()).toBe(1);
  });

  it("marks a label seen when its webhook arrives, so the reconciler never starts the workflow a second time", () => {
    const { store } = freshStore();
    const sink = new StoreIntakeSink(
      store,
      () => 1,
      () => undefined,
    );
    const intake: Intake = {
      kind: "issue_labeled",
      ref,
      issue: 1,
      issueTitle: "Add mean",
      label: "foreman",
      sender: { login: "maya", type: "User" },
      deliveryId: "d-2",
    };

    sink.accept({ deliveryId: "d-2", event: "issues", action: "labeled", key: "acme/stats#1", intake });

    expect(store.hasSeen("label", "acme/stats#1")).toBe(true);
  });

  it("queues the closing of an installation's workflows when the app is uninstalled", () => {
    const { store } = freshStore();
    let woken = 0;
    const sink = new StoreIntakeSink(
      store,
      () => 1,
      () => (woken += 1),
    );

    const queued = sink.installationRemoved({ deliveryId: "d-3", installationId: 7, action: "deleted" });

    expect(queued).toBe(true);
    expect(woken).toBe(1);
    expect(store.leaseJob("w", 1_000, 1_000)).toMatchObject({ kind: "installation_removed", payload: { installationId: 7 } });
  });
});
