import { describe, expect, it } from "vitest";
import { PlanCycleError, dependents, topologicalOrder, transitiveDependents } from "../../../src/plan/graph.ts";
import { plan, task } from "./plan-builder.ts";

describe("topologicalOrder", () => {
  it("puts every task after its dependencies", () => {
    const input = plan(task("c", { dependsOn: ["b"] }), task("b", { dependsOn: ["a"] }), task("a"));

    expect(topologicalOrder(input)).toEqual(["a", "b", "c"]);
  });

  it("keeps plan order among tasks that are free at the same time", () => {
    const input = plan(task("z"), task("y", { dependsOn: ["z"] }), task("x"));

    expect(topologicalOrder(input)).toEqual(["z", "y", "x"]);
  });

  it("throws a PlanCycleError naming the cycle", () => {
    const input = plan(task("a", { dependsOn: ["b"] }), task("b", { dependsOn: ["a"] }));

    const run = (): string[] => topologicalOrder(input);

    expect(run).toThrow(PlanCycleError);
    expect(run).toThrow("a -> b -> a");
  });
});

describe("dependents", () => {
  const input = plan(task("a"), task("b", { dependsOn: ["a"] }), task("c", { dependsOn: ["b"] }), task("d", { dependsOn: ["a", "c"] }));

  it("lists the tasks that depend directly on a task, in plan order", () => {
    expect(dependents(input, "a")).toEqual(["b", "d"]);
  });

  it("returns nothing for a leaf task", () => {
    expect(dependents(input, "d")).toEqual([]);
  });

  it("lists direct and indirect dependents with transitiveDependents", () => {
    expect(transitiveDependents(input, "b")).toEqual(["c", "d"]);
  });
});
