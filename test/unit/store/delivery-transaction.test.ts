import { DatabaseSync, StatementSync } from "node:sqlite";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { IntakeSink } from "../../../src/handlers/intake-sink.ts";
import { StoreIntakeSink } from "../../../src/store/store-intake-sink.ts";
import type { Intake } from "../../../src/worker/intake.ts";
import { freshStore } from "./store-fixture.ts";

type Accepted = Parameters<IntakeSink["accept"]>[0];

const ref = { installationId: 7, owner: "acme", repo: "stats" };
const sender = { login: "maya", type: "User" };

function label(n: number, deliveryId = `label-${n}`): Accepted {
  const intake: Intake = { kind: "issue_labeled", ref, issue: n, issueTitle: "Add mean", label: "foreman", sender, deliveryId };
  return { deliveryId, event: "issues", action: "labeled", key: `acme/stats#${n}`, intake };
}

function comment(n: number, deliveryId = `comment-${n}`): Accepted {
  const intake: Intake = {
    kind: "issue_comment",
    ref,
    issue: n,
    pullRequestBody: null,
    commentId: 5_000 + n,
    body: "/approve",
    createdAt: 1,
    sender,
    deliveryId,
  };
  return { deliveryId, event: "issue_comment", action: "created", key: `acme/stats#${n}`, intake };
}

function sinkOver(store: ReturnType<typeof freshStore>["store"]): StoreIntakeSink {
  return new StoreIntakeSink(
    store,
    () => 1,
    () => undefined,
  );
}

/** Rows of `table`, read through a connection of its own, as a restarted Foreman would read them. */
function rowsIn(path: string, table: "deliveries" | "seen" | "jobs"): number {
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** The text of each statement run since `spyOnRuns`, in order. */
function spyOnRuns(): () => string[] {
  const run = vi.spyOn(StatementSync.prototype, "run");
  // The spy was set on StatementSync's prototype, so every context it saw is a statement.
  return () => (run.mock.contexts as StatementSync[]).map((statement) => statement.sourceSQL);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("recording a delivery", () => {
  it("compiles each statement of the delivery path once, however many deliveries come", () => {
    const { store } = freshStore();
    const sink = sinkOver(store);
    const prepare = vi.spyOn(DatabaseSync.prototype, "prepare");

    for (let n = 1; n <= 50; n += 1) {
      sink.accept(label(n));
      sink.accept(comment(n));
      sink.accept(label(n));
      sink.accept(comment(n, `comment-${n}-again`));
    }
    sink.installationRemoved({ deliveryId: "removed-1", installationId: 7, action: "deleted" });

    const compiled = prepare.mock.calls.map(([sql]) => sql);
    expect(compiled.length).toBeGreaterThan(0);
    expect(compiled.length).toBeLessThanOrEqual(5);
    expect(new Set(compiled).size).toBe(compiled.length);
    expect(store.pendingJobs()).toBe(101);
  });

  it.each([
    ["a label", label(1)],
    ["a comment", comment(1)],
  ])("commits %s once, with every write of it inside that one transaction", (_name, delivery) => {
    const { store } = freshStore();
    const sink = sinkOver(store);
    const ran = spyOnRuns();

    sink.accept(delivery);

    expect(ran()).toEqual([
      "BEGIN IMMEDIATE",
      expect.stringContaining("INTO deliveries"),
      expect.stringContaining("INTO seen"),
      expect.stringContaining("INTO jobs"),
      "COMMIT",
    ]);
  });

  it("writes nothing but the dedupe check for a redelivery", () => {
    const { store } = freshStore();
    const sink = sinkOver(store);
    sink.accept(label(1));
    const ran = spyOnRuns();

    const again = sink.accept(label(1));

    expect(again).toBe(false);
    expect(ran()).toEqual(["BEGIN IMMEDIATE", expect.stringContaining("INTO deliveries"), "COMMIT"]);
  });

  it.each([
    ["a label", label(1)],
    ["a comment", comment(1)],
  ])("leaves nothing of %s when its last step fails, and records its redelivery", (_name, delivery) => {
    const { store, path } = freshStore();
    const sink = sinkOver(store);
    const other = new DatabaseSync(path);
    other.exec("CREATE TRIGGER refuse_jobs BEFORE INSERT ON jobs BEGIN SELECT RAISE(ABORT, 'injected failure'); END;");

    expect(() => sink.accept(delivery)).toThrow(/injected failure/);
    const afterFailure = { deliveries: rowsIn(path, "deliveries"), seen: rowsIn(path, "seen"), jobs: rowsIn(path, "jobs") };
    other.exec("DROP TRIGGER refuse_jobs");
    other.close();
    const redelivered = sink.accept(delivery);

    expect(afterFailure).toEqual({ deliveries: 0, seen: 0, jobs: 0 });
    expect(redelivered).toBe(true);
    expect({ deliveries: rowsIn(path, "deliveries"), seen: rowsIn(path, "seen"), jobs: rowsIn(path, "jobs") }).toEqual({
      deliveries: 1,
      seen: 1,
      jobs: 1,
    });
  });
});
