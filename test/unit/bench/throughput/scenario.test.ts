import { describe, expect, it } from "vitest";
import { scalingScenario, scalingScenarioInput, taskIdOf } from "../../../../bench/throughput/scenario.ts";

describe("scalingScenario", () => {
  it.each([1, 4, 8])("plans %i independent tasks, runs them all at once, and approves each once its CI is green", (count) => {
    const scenario = scalingScenario(count, { modelDelayMs: 1500, approve: true });
    const ids = Array.from({ length: count }, (_, index) => taskIdOf(index + 1));

    expect(scenario.repository.config).toMatchObject({ planApproval: "auto", maxParallelTasks: count });
    expect(scenario.repository.files).toHaveProperty(["src/sum.js"]);
    expect(scenario.steps[0]).toMatchObject({ as: "maya", label: "foreman" });
    expect(scenario.steps.slice(1).map((step) => [step.when, step.comment])).toEqual(
      ids.map((id) => [{ pullRequest: { task: id, checks: "success" } }, { on: { task: id }, body: "/approve" }]),
    );
    expect(scenario.expect).toMatchObject({ issue: { state: "closed" }, pullRequests: { merged: ids, count } });
  });

  it("makes every answer of the model wait, and gives each task its own module and passing test", () => {
    const input = scalingScenarioInput(2, { modelDelayMs: 1500, approve: true });
    const scenario = scalingScenario(2, { modelDelayMs: 1500, approve: true });

    expect(scenario.model.answers.map((answer) => [answer.role, answer.delayMs])).toEqual([
      ["reviewer", 1500],
      ["engineer", 1500],
      ["planner", 1500],
      ["coder", 1500],
      ["coder", 1500],
    ]);
    const plan = JSON.stringify(input.model);
    expect(plan).toContain('"dependsOn":[]');
    const coder = scenario.model.answers[4];
    expect(coder?.match).toMatchObject({ contains: "### add-2:" });
    expect(JSON.stringify(coder?.content)).toContain("assert.equal(add2(1), 3)");
  });

  it("without approval, waits for every task to be ready for /approve on an open issue", () => {
    const scenario = scalingScenario(3, { modelDelayMs: 0, approve: false });

    expect(scenario.steps).toHaveLength(1);
    expect(scenario.expect).toMatchObject({
      issue: { state: "open" },
      pullRequests: { open: ["add-1", "add-2", "add-3"], count: 3 },
      tasks: [1, 2, 3].map((index) => ({ id: `add-${index}`, statusLine: "ready for `/approve`" })),
    });
  });

  it("refuses a count the repository config cannot run at once", () => {
    expect(() => scalingScenario(0, { modelDelayMs: 0, approve: true })).toThrow(/1 to 10 tasks/);
    expect(() => scalingScenario(11, { modelDelayMs: 0, approve: true })).toThrow(/1 to 10 tasks/);
  });
});
