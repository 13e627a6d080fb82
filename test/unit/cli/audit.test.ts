import { describe, expect, it } from "vitest";
import { auditReport } from "../../../src/cli/audit.ts";
import { SqliteStore } from "../../../src/store/sqlite/sqlite-store.ts";

const WORKFLOW = "acme/stats#1";

function event(usage: Record<string, number>) {
  return {
    workflowId: WORKFLOW,
    at: 1_700_000_000_000,
    kind: "event",
    actor: null,
    deliveryId: null,
    data: { event: { type: "task_published", taskId: "mean", usage }, phase: "executing" },
  };
}

describe("the audit report", () => {
  it("shows what each agent spent, tool calls included", () => {
    const store = new SqliteStore(":memory:");
    store.appendEvent(event({ promptTokens: 900, completionTokens: 100, costUsd: 0.0123, modelCalls: 4, toolCalls: 3 }));
    store.appendEvent(event({ promptTokens: 50, completionTokens: 10, costUsd: 0, modelCalls: 1 }));

    const lines = auditReport(store, WORKFLOW).split("\n");

    expect(lines.filter((line) => line.includes("applied → executing"))).toEqual([
      expect.stringMatching(/applied → executing {2}\[4 model calls, 3 tool calls, 1000 tokens, \$0\.0123\]$/),
      expect.stringMatching(/applied → executing {2}\[1 model calls, 60 tokens, \$0\.0000\]$/),
    ]);
    store.close();
  });

  it("shows the tokens of a model without a price as price unknown, never as $0", () => {
    const store = new SqliteStore(":memory:");
    store.appendEvent(event({ promptTokens: 900, completionTokens: 100, costUsd: 0, modelCalls: 2, unpricedTokens: 1000 }));
    store.appendEvent(event({ promptTokens: 900, completionTokens: 100, costUsd: 0.01, modelCalls: 2, unpricedTokens: 400 }));

    const lines = auditReport(store, WORKFLOW).split("\n");

    expect(lines.filter((line) => line.includes("applied → executing"))).toEqual([
      expect.stringMatching(/\[2 model calls, 1000 tokens, price unknown\]$/),
      expect.stringMatching(/\[2 model calls, 1000 tokens, \$0\.0100 \+ price unknown for 400 tokens\]$/),
    ]);
    store.close();
  });

  it("lists a repository's writes about no workflow under its key, apart from its workflows", () => {
    const store = new SqliteStore(":memory:");
    const sha = "e".repeat(40);
    store.appendEvent(event({ promptTokens: 50, completionTokens: 10, costUsd: 0, modelCalls: 1 }));
    store.appendEvent({
      workflowId: "acme/stats",
      at: 1_700_000_000_000,
      kind: "writes",
      actor: "maya",
      deliveryId: "d-21",
      data: { effects: [{ type: "report_check", key: `check:acme/stats/pull/21@${sha}`, sha }] },
    });

    const report = auditReport(store, "acme/stats");

    expect(report.split("\n")).toEqual([
      "Repository acme/stats: writes about no workflow",
      "",
      expect.stringMatching(/^time/),
      expect.stringMatching(/^2023-11-14T22:13:20\.000Z {2}writes +maya +d-21 +$/),
      expect.stringContaining(`effects: report_check(${sha.slice(0, 7)} check:acme/stats/pull/21@${sha})`),
    ]);
    expect(auditReport(store, "acme/other")).toBe("No writes about repository acme/other outside its workflows in this database.");
    store.close();
  });
});
