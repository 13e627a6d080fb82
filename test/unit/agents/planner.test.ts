import { describe, expect, it } from "vitest";
import { runPlanner } from "../../../src/agents/planner.ts";
import type { Plan } from "../../../src/plan/index.ts";
import { plannerInput, validPlan } from "./agent-inputs.ts";
import { FakeModel } from "./fake-model.ts";

const cyclic: Plan = {
  ...validPlan,
  tasks: validPlan.tasks.map((task) => (task.id === "add-sub" ? { ...task, dependsOn: ["docs"] } : task)),
};

describe("runPlanner", () => {
  it("returns a valid plan after one call", async () => {
    const model = new FakeModel().answer(validPlan);

    const result = await runPlanner(model, plannerInput);

    expect(result).toMatchObject({ ok: true, value: validPlan, notes: [] });
    expect(model.requests.map((request) => [request.role, request.model])).toEqual([["planner", "gpt-4o"]]);
  });

  it("asks again, naming the cycle, when the plan's tasks depend on each other in a cycle", async () => {
    const model = new FakeModel().answer(cyclic).answer(validPlan);

    const result = await runPlanner(model, plannerInput);

    expect(result).toMatchObject({ ok: true, value: validPlan });
    expect(model.requests).toHaveLength(2);
    expect(model.lastMessage(1)).toContain("- The tasks depend on each other in a cycle: add-sub -> docs -> add-sub.");
  });

  it("fails with the plan's problems when the second answer is invalid too", async () => {
    const model = new FakeModel().answer(cyclic).answer(cyclic);

    const result = await runPlanner(model, plannerInput);

    expect(result).toMatchObject({ ok: false, problems: ["The tasks depend on each other in a cycle: add-sub -> docs -> add-sub."] });
    expect(result.usage.modelCalls).toBe(2);
  });

  it("asks again when the plan has more tasks than the limit", async () => {
    const model = new FakeModel().answer(validPlan).answer({ ...validPlan, tasks: validPlan.tasks.slice(0, 1) });

    const result = await runPlanner(model, { ...plannerInput, limits: { tasksPerPlan: 1, filesPerTask: 10 } });

    expect(result.ok).toBe(true);
    expect(model.lastMessage(1)).toContain("The plan has 2 tasks; at most 1 are allowed.");
  });

  it("orders tasks that write the same file and explains it in the notes", async () => {
    const sharing: Plan = {
      ...validPlan,
      tasks: validPlan.tasks.map((task) => ({ ...task, dependsOn: [], files: [{ path: "src/sub.js", action: "modify" as const }] })),
    };
    const model = new FakeModel().answer(sharing);

    const result = await runPlanner(model, plannerInput);

    expect(result.ok && result.value.tasks[1]?.dependsOn).toEqual(["add-sub"]);
    expect(result.notes).toEqual(['Tasks "add-sub" and "docs" both write "src/sub.js": "docs" now waits for "add-sub".']);
  });
});
