import { describe, expect, it } from "vitest";
import { renderShow } from "../../../src/cli/show-view.ts";
import { NOW, twoTaskWorkflow } from "./cli-fixtures.ts";

describe("foreman show", () => {
  it("prints the workflow, its plan graph, its tasks with pull request, head and state, and its jobs", () => {
    const state = twoTaskWorkflow();
    const jobs = [
      { id: 4, kind: "debug", key: `${state.id}/mean`, state: "ready" as const, attempts: 0, runAt: NOW - 1000, lastError: null },
    ];

    const text = renderShow({ id: state.id, open: true, version: 6, updatedAt: NOW - 60_000, state, jobs }, NOW + 120_000);

    expect(text).toMatchInlineSnapshot(`
      "acme/calculator#7  executing  (open, version 6)
      issue: Add subtraction
      requested by maya; started 2m ago; last activity 3m ago
      cost: $0.75 (3 model calls, 360 tokens)

      plan: Build it in steps.
        mean: Task mean
        median ← mean: Task median

      TASK    STATUS       PR   HEAD     APPROVED  ATTEMPTS  COST   NOTE
      mean    fixing       #12  mean000  -         1         $0.00  Failing checks: - test
      median  not started  -    -        -         0         $0.00

      JOB  KIND   KEY                     STATE  ATTEMPTS  WHEN        LAST ERROR
      #4   debug  acme/calculator#7/mean  ready  0         due 2m ago"
    `);
  });
});
