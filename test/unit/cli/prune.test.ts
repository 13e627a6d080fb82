import { describe, expect, it } from "vitest";
import { renderPrune } from "../../../src/cli/prune.ts";

const REPORT = { events: 4, effects: 12, seen: 3, jobs: 5, deliveries: 40, workflows: 2 };
const POLICY = { retentionDays: 30, auditRetentionDays: 365 };

describe("foreman prune", () => {
  it("prints the policy it applied and the rows it deleted, by table", () => {
    expect(renderPrune(REPORT, POLICY, false)).toMatchInlineSnapshot(`
      "Retention: finished work 30 days, its audit 365 days (FOREMAN_RETENTION_DAYS, FOREMAN_AUDIT_RETENTION_DAYS).
      Deleted, by table:
        workflows  2
        events     4
        jobs       5
        effects    12
        deliveries 40
        seen       3"
    `);
  });

  it("says a dry run deleted nothing", () => {
    expect(renderPrune(REPORT, POLICY, true).split("\n")[1]).toBe("Dry run: would delete, by table:");
  });
});
