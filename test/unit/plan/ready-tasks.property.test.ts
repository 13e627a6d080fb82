import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dependencyMap, dependsOnTransitively, topologicalOrder } from "../../../src/plan/graph.ts";
import type { Plan } from "../../../src/plan/plan.ts";
import { readyTasks } from "../../../src/plan/ready-tasks.ts";
import { TASK_STATUSES, isRunning } from "../../../src/domain/task-status.ts";
import type { TaskStatus } from "../../../src/domain/task-status.ts";
import { validatePlan } from "../../../src/plan/validate-plan.ts";
import { plan, task, writes } from "./plan-builder.ts";

/** A random plan whose dependencies form a DAG, in shuffled plan order, sharing files from a small pool. */
const dagPlan: fc.Arbitrary<Plan> = fc
  .integer({ min: 1, max: 12 })
  .chain((size) =>
    fc.tuple(
      fc.tuple(...Array.from({ length: size }, (_, index) => fc.subarray(Array.from({ length: index }, (_, earlier) => earlier)))),
      fc.array(fc.subarray(["f0", "f1", "f2", "f3", "f4"], { maxLength: 2 }), { minLength: size, maxLength: size }),
      fc.shuffledSubarray(
        Array.from({ length: size }, (_, index) => index),
        { minLength: size, maxLength: size },
      ),
    ),
  )
  .map(([dependencies, files, order]) =>
    plan(
      ...order.map((index) =>
        task(`t${index}`, { dependsOn: (dependencies[index] ?? []).map((dep) => `t${dep}`), files: writes(...(files[index] ?? [])) }),
      ),
    ),
  );

const statusesFor = (input: Plan): fc.Arbitrary<Record<string, TaskStatus>> =>
  fc
    .tuple(...input.tasks.map(() => fc.constantFrom(...TASK_STATUSES)))
    .map((list) => Object.fromEntries(input.tasks.map((t, index) => [t.id, list[index]!])));

const filesOf = (input: Plan, id: string): string[] => input.tasks.find((t) => t.id === id)?.files.map((file) => file.path) ?? [];

function checkInvariants(input: Plan, statuses: Record<string, TaskStatus>, maxParallel: number, ready: string[]): void {
  const running = input.tasks.filter((t) => isRunning(statuses[t.id] ?? "pending")).map((t) => t.id);
  expect(ready.length === 0 || running.length + ready.length <= maxParallel).toBe(true);
  for (const id of ready) {
    expect(statuses[id] ?? "pending").toBe("pending");
    const dependencies = input.tasks.find((t) => t.id === id)?.dependsOn ?? [];
    expect(dependencies.every((dependency) => statuses[dependency] === "merged")).toBe(true);
  }
  const owners = [...running, ...ready].flatMap((id) => filesOf(input, id));
  expect(new Set(owners).size).toBe(owners.length);
}

describe("readyTasks properties", () => {
  it("never returns an unmerged dependency, never exceeds the limit, never returns tasks sharing a file", () => {
    const arbitrary = dagPlan.chain((input) => fc.tuple(fc.constant(input), statusesFor(input), fc.integer({ min: 1, max: 5 })));
    fc.assert(
      fc.property(arbitrary, ([input, statuses, maxParallel]) => {
        const running = input.tasks.filter((t) => isRunning(statuses[t.id]!)).flatMap((t) => filesOf(input, t.id));
        fc.pre(new Set(running).size === running.length);

        checkInvariants(input, statuses, maxParallel, readyTasks(input, statuses, maxParallel));
      }),
    );
  });

  it("finishes every task when ready tasks are started and running tasks merged in any order", () => {
    const arbitrary = fc.tuple(dagPlan, fc.boolean(), fc.integer({ min: 1, max: 5 }), fc.array(fc.nat(), { minLength: 30, maxLength: 30 }));
    fc.assert(
      fc.property(arbitrary, ([generated, normalise, maxParallel, picks]) => {
        const validation = validatePlan(generated, { tasksPerPlan: 20, filesPerTask: 10 });
        const input = normalise && validation.ok ? validation.plan : generated;
        const statuses: Record<string, TaskStatus> = {};
        for (const pick of picks) {
          const ready = readyTasks(input, statuses, maxParallel);
          checkInvariants(input, statuses, maxParallel, ready);
          for (const id of ready) statuses[id] = "coding";
          const running = Object.keys(statuses).filter((id) => statuses[id] === "coding");
          if (running.length === 0) break;
          statuses[running[pick % running.length]!] = "merged";
        }

        expect(input.tasks.every((t) => statuses[t.id] === "merged")).toBe(true);
      }),
    );
  });
});

describe("validatePlan properties", () => {
  it("accepts every DAG and leaves no two tasks writing the same file unordered", () => {
    fc.assert(
      fc.property(dagPlan, (input) => {
        const result = validatePlan(input, { tasksPerPlan: 20, filesPerTask: 10 });

        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(() => topologicalOrder(result.plan)).not.toThrow();
        const edges = dependencyMap(result.plan);
        for (const [index, first] of result.plan.tasks.entries()) {
          for (const second of result.plan.tasks.slice(index + 1)) {
            const sharing = first.files.some((file) => second.files.some((other) => other.path === file.path));
            const ordered = dependsOnTransitively(edges, first.id, second.id) || dependsOnTransitively(edges, second.id, first.id);
            expect(!sharing || ordered).toBe(true);
          }
        }
      }),
    );
  });
});
