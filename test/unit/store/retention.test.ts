import { statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EnvError, parseRetentionEnv } from "../../../src/env.ts";
import { intakeJob } from "../../../src/store/job-kinds.ts";
import type { OperatorQueries, TableCounts } from "../../../src/store/sqlite/operator-queries.ts";
import { retentionProblem } from "../../../src/store/sqlite/retention.ts";
import type { Intake } from "../../../src/worker/intake.ts";
import { DAY_MS, finishWorkflow, runWorkflow } from "./retention-fixture.ts";
import { freshStore } from "./store-fixture.ts";

const POLICY = { retentionDays: 7, auditRetentionDays: 30 };
const NOTHING = { events: 0, effects: 0, seen: 0, jobs: 0, deliveries: 0, workflows: 0 };

describe("pruning finished work", () => {
  it("keeps every row an open workflow needs, however old, and lets its deliveries and their writes' records go", () => {
    const { store, clock } = freshStore();
    const id = runWorkflow(store, clock, 1);
    const before = store.operatorQueries().counts();

    clock.now += 400 * DAY_MS;
    const report = store.prune(POLICY);

    expect(report).toEqual({ ...NOTHING, deliveries: 1, effects: 1 });
    expect(store.operatorQueries().counts()).toEqual({ ...before, deliveries: 0, effects: before.effects - 1 });
    expect(store.effectResult("writes:delivery:delivery-1")).toBeUndefined();
    expect(store.getWorkflow(id)?.open).toBe(true);
  });

  it("deletes a finished workflow's jobs, effects and deliveries after the retention days, and its audit after the audit days", () => {
    const { store, clock } = freshStore();
    const id = runWorkflow(store, clock, 1);
    finishWorkflow(store, clock, id);

    clock.now += 6 * DAY_MS;
    const early = store.prune(POLICY);
    clock.now += 2 * DAY_MS;
    const afterRetention = store.prune(POLICY);
    const audit = store.events(id).map((event) => event.kind);
    clock.now += 30 * DAY_MS;
    const afterAudit = store.prune(POLICY);

    expect(early).toEqual(NOTHING);
    expect(afterRetention).toEqual({ ...NOTHING, effects: 3, jobs: 1, deliveries: 1, seen: 1 });
    expect(audit).toEqual(["start", "cancel"]);
    expect(afterAudit).toEqual({ ...NOTHING, events: 2, seen: 1, workflows: 1 });
    expect(store.operatorQueries().counts()).toEqual({ workflows: 0, events: 0, jobs: 0, effects: 0, deliveries: 0, seen: 0 });
  });

  it("keeps a finished workflow whose job is still queued, and the effects of a queued delivery", () => {
    const { store, clock } = freshStore();
    const id = runWorkflow(store, clock, 1);
    finishWorkflow(store, clock, id);
    store.enqueueJob(intakeJob(id, lateComment("delivery-1")));

    clock.now += 400 * DAY_MS;
    const report = store.prune(POLICY);

    expect(store.getWorkflow(id)).not.toBeNull();
    expect(store.events(id)).toHaveLength(2);
    expect(store.effectResult("writes:delivery:delivery-1")).toEqual([{ type: "react" }]);
    expect(store.pendingJobs()).toBe(1);
    expect(report.workflows).toBe(0);
  });

  it("counts in a dry run exactly what a prune then deletes, and deletes nothing", () => {
    const { store, clock } = freshStore();
    for (let issue = 1; issue <= 3; issue += 1) finishWorkflow(store, clock, runWorkflow(store, clock, issue));
    runWorkflow(store, clock, 4);
    const before = store.operatorQueries().counts();

    clock.now += 10 * DAY_MS;
    const dry = store.prune(POLICY, true);
    const unchanged = store.operatorQueries().counts();
    const real = store.prune(POLICY);

    expect(unchanged).toEqual(before);
    expect(real).toEqual(dry);
    expect(real.jobs).toBe(3);
  });

  it("keeps the database bounded while workflows keep finishing: row counts and the file's size level off", () => {
    const { store, clock, path } = freshStore();
    const queries = store.operatorQueries();
    const perDay = 10;
    const samples: { rows: number; pages: number; vacuumed: number }[] = [];

    for (let day = 0; day < 64; day += 1) {
      for (let n = 0; n < perDay; n += 1) finishWorkflow(store, clock, runWorkflow(store, clock, day * perDay + n + 1));
      clock.now += DAY_MS;
      store.prune(POLICY);
      if (day % 16 === 15) samples.push(sizeNow(queries, path));
    }

    const [, settled, ...later] = samples;
    // Per workflow, 4 rows live as long as the audit (its row, 2 events, its label's mark) and 6 as long as the rest.
    const maxRows = perDay * ((POLICY.auditRetentionDays + 1) * 4 + (POLICY.retentionDays + 1) * 6);
    for (const sample of samples) expect(sample.rows).toBeLessThanOrEqual(maxRows);
    for (const sample of later) {
      expect(sample.rows).toBe(settled?.rows);
      expect(sample.pages).toBeLessThanOrEqual((settled?.pages ?? 0) * 1.1);
      expect(sample.vacuumed).toBeLessThanOrEqual((settled?.vacuumed ?? 0) * 1.1);
    }
  });
});

function sizeNow(queries: OperatorQueries, path: string): { rows: number; pages: number; vacuumed: number } {
  const { workflows, events, jobs, effects, deliveries, seen }: TableCounts = queries.counts();
  const rows = workflows + events + jobs + effects + deliveries + seen;
  const pages = queries.size().bytes;
  queries.vacuum();
  return { rows, pages, vacuumed: statSync(path).size + walSize(path) };
}

function walSize(path: string): number {
  try {
    return statSync(`${path}-wal`).size;
  } catch {
    return 0;
  }
}

function lateComment(deliveryId: string): Intake {
  return {
    kind: "issue_comment",
    ref: { installationId: 7, owner: "acme", repo: "stats" },
    issue: 1,
    pullRequestBody: null,
    commentId: 99,
    body: "/retry",
    createdAt: null,
    sender: { login: "maya", type: "User" },
    deliveryId,
  };
}

describe("a retention policy", () => {
  it("is refused when it would forget deliveries GitHub may still redeliver, or the audit before the rest", () => {
    expect(retentionProblem({ retentionDays: 3, auditRetentionDays: 365 })).toMatch(/FOREMAN_RETENTION_DAYS: must be at least 7/);
    expect(retentionProblem({ retentionDays: 30, auditRetentionDays: 10 })).toMatch(/FOREMAN_AUDIT_RETENTION_DAYS/);
    expect(retentionProblem({ retentionDays: 30, auditRetentionDays: 365 })).toBeNull();
  });

  it("is read from FOREMAN_RETENTION_DAYS and FOREMAN_AUDIT_RETENTION_DAYS, 30 and 365 days by default", () => {
    expect(parseRetentionEnv({})).toEqual({ retentionDays: 30, auditRetentionDays: 365 });
    expect(parseRetentionEnv({ FOREMAN_RETENTION_DAYS: "14", FOREMAN_AUDIT_RETENTION_DAYS: "90" })).toEqual({
      retentionDays: 14,
      auditRetentionDays: 90,
    });
    expect(() => parseRetentionEnv({ FOREMAN_RETENTION_DAYS: "2" })).toThrow(EnvError);
    expect(() => parseRetentionEnv({ FOREMAN_RETENTION_DAYS: "2" })).toThrow(/FOREMAN_RETENTION_DAYS: must be at least 7 days/);
    expect(() => parseRetentionEnv({ FOREMAN_AUDIT_RETENTION_DAYS: "10" })).toThrow(/FOREMAN_AUDIT_RETENTION_DAYS: must be at least/);
  });
});
