import { describe, expect, it } from "vitest";
import { compareReports } from "../../../eval/harness/compare.ts";
import { costOf, priceTable } from "../../../eval/harness/cost.ts";
import { distinctiveLines, leakedRequests } from "../../../eval/harness/leaks.ts";
import type { Instance } from "../../../eval/harness/instance.ts";
import type { ModelCall } from "../../../eval/harness/model-calls.ts";
import { plannedFiles } from "../../../eval/harness/planned-files.ts";
import { renderReport, summarize, type InstanceRecord, type Report } from "../../../eval/harness/report.ts";

function call(overrides: Partial<ModelCall>): ModelCall {
  return { role: "coder", model: "m", promptTokens: 0, completionTokens: 0, requestText: "{}", answer: null, ...overrides };
}

function record(id: string, resolved: boolean, overrides: Partial<InstanceRecord> = {}): InstanceRecord {
  return {
    id,
    language: "python",
    resolved,
    ending: resolved ? "closed" : "handed over",
    failToPass: { passed: resolved ? 2 : 0, total: 2, failed: resolved ? [] : ["a", "b"] },
    passToPass: { passed: 1, total: 1, failed: [] },
    tasks: 2,
    merged: resolved ? 2 : 1,
    modelCalls: { planner: 1, coder: 2 },
    promptTokens: 1000,
    completionTokens: 100,
    costUsd: 0.01,
    seconds: { wall: 60, ci: 20, agent: 40 },
    ciRuns: 2,
    redCiRuns: 0,
    repairRounds: resolved ? 0 : 1,
    localisationRecall: resolved ? 1 : 0.5,
    leaks: 0,
    error: null,
    ...overrides,
  };
}

function report(run: string, instances: InstanceRecord[]): Report {
  const settings = { agent: "model", plan: "auto", tools: true, checks: true, models: {} };
  return { run, command: "npm run eval", date: "2026-12-08T00:00:00Z", settings, instances, summary: summarize(instances) };
}

describe("the eval report", () => {
  it("sums the instances: resolved rate, tokens, time split, calls by role, recall", () => {
    const summary = summarize([record("a", true), record("b", false)]);
    expect(summary).toMatchObject({
      instances: 2,
      resolved: 1,
      resolvedRate: 0.5,
      promptTokens: 2000,
      costUsd: 0.02,
      wallSeconds: 120,
      ciSeconds: 40,
      agentSeconds: 80,
      modelCalls: { planner: 2, coder: 4 },
      repairRounds: 1,
      meanTasksPerPlan: 2,
      meanLocalisationRecall: 0.75,
    });
  });

  it("shows an unknown price as unknown, never as $0", () => {
    const prices = priceTable('{"local-model": {"input": 1, "output": 2}}');
    expect(costOf([call({ model: "local-model", promptTokens: 1_000_000, completionTokens: 500_000 })], prices)).toBe(2);
    expect(costOf([call({ model: "unpriced", promptTokens: 10 })], prices)).toBeNull();
    expect(summarize([record("a", true), record("b", true, { costUsd: null })]).costUsd).toBeNull();
    expect(renderReport(report("r", [record("a", true, { costUsd: null })]))).toContain("price unknown");
    expect(() => priceTable('{"m": {"input": "cheap"}}')).toThrow(/FOREMAN_MODEL_PRICES is not a price table/);
  });

  it("reads the plan's files from the planner's last answer", () => {
    const first = JSON.stringify({ tasks: [{ files: [{ path: "old.py" }] }] });
    const last = JSON.stringify({ tasks: [{ files: [{ path: "b.py" }, { path: "a.py" }] }, { files: [{ path: "a.py" }] }] });
    expect(
      plannedFiles([
        call({ role: "planner", answer: first }),
        call({ role: "planner", answer: "not json" }),
        call({ role: "planner", answer: last }),
      ]),
    ).toEqual(["a.py", "b.py"]);
  });

  it("puts two runs side by side, instance by instance", () => {
    const text = compareReports(
      report("full", [record("a", true), record("b", true)]),
      report("single", [record("a", true), record("b", false)]),
    );
    expect(text).toContain("| resolved | 2/2 (100%) | 1/2 (50%) |");
    expect(text).toContain("| b | yes | no |");
  });
});

describe("the leak check", () => {
  const instance = {
    base: { "src/a.py": "def total(values):\n    return sum(values)\n" },
    solution: {},
    hidden: {
      "hidden_tests/test_a.py": 'from src.a import total\nself.assertEqual(total([1, 2, 3]), 6, "sums a list")\ndef total(values):\n',
    },
  } as unknown as Instance;

  it("finds a request that holds a line of a hidden test, as the request's JSON carries it", () => {
    const leaking = call({
      requestText: JSON.stringify({ messages: [{ content: 'x\nself.assertEqual(total([1, 2, 3]), 6, "sums a list")\n' }] }),
    });
    expect(
      leakedRequests(instance, [call({ requestText: JSON.stringify({ messages: [{ content: "def total(values):" }] }) }), leaking]),
    ).toBe(1);
  });

  it("does not count lines the repository itself holds, nor short ones", () => {
    expect(distinctiveLines("}\nimport os\n")).toEqual([]);
    const repositoryLine = call({ requestText: JSON.stringify({ content: "def total(values):\n" }) });
    expect(leakedRequests(instance, [repositoryLine])).toBe(0);
  });
});
