import { describe, expect, it } from "vitest";
import { loadBenchScenario, withFaults } from "../../bench/harness/bench-scenario.ts";
import { play } from "@foreman/sandbox";
import { foremanUnderTest } from "../../demo/foreman-under-test.ts";

const TASKS = ["mean", "median", "summary"];

describe("model faults", () => {
  it("completes through a 429, 5xx answers, a dropped connection, malformed and truncated JSON", async () => {
    const scenario = withFaults(await loadBenchScenario(), {
      model: [
        { kind: "rate_limit", on: { nth: 1 }, retryAfterSeconds: 1 },
        { kind: "server_error", on: { role: "coder", nth: 1 } },
        { kind: "timeout", on: { role: "coder", nth: 2 }, delayMs: 500 },
        { kind: "malformed_json", on: { role: "planner", nth: 1 } },
        { kind: "truncated_json", on: { role: "coder", nth: 4 } },
      ],
    });

    const result = await play(scenario, { world: { app: foremanUnderTest }, tasks: TASKS, timeoutMs: 55_000 });

    expect(result.faults.model).toEqual({ rate_limit: 1, server_error: 1, timeout: 1, malformed_json: 1, truncated_json: 1 });
    expect(result.finished, result.appLogTail).toBe(true);
    expect(result.state.mergedTasks).toEqual(TASKS);
  });
});
