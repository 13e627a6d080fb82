import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decide } from "../../../src/engine/decide.ts";
import type { Decision } from "../../../src/engine/decision.ts";
import type { EngineEvent } from "../../../src/engine/events.ts";
import type { WorkflowState } from "../../../src/engine/types.ts";
import { isRunning } from "../../../src/domain/task-status.ts";
import { validatePlan, type Plan } from "../../../src/plan/index.ts";
import { config, NOW, planOf, run, shaOf, startEvent, USAGE } from "./engine-fixtures.ts";

/** A random plan of up to six tasks whose dependencies form a DAG, some sharing files. */
const dagPlan: fc.Arbitrary<Plan> = fc
  .integer({ min: 1, max: 6 })
  .chain((size) =>
    fc.tuple(
      fc.tuple(...Array.from({ length: size }, (_, index) => fc.subarray(Array.from({ length: index }, (_, earlier) => earlier)))),
      fc.array(fc.subarray(["f0", "f1", "f2"], { minLength: 1, maxLength: 2 }), { minLength: size, maxLength: size }),
      fc.boolean(),
    ),
  )
  .map(([dependencies, files, normalise]) => {
    const plan = planOf(
      ...dependencies.map((deps, index) => ({ id: `t${index}`, dependsOn: deps.map((dep) => `t${dep}`), files: files[index] ?? [] })),
    );
    const validation = validatePlan(plan, { tasksPerPlan: 20, filesPerTask: 10 });
    return normalise && validation.ok ? validation.plan : plan;
  });

type Move = { event: EngineEvent; noise: boolean };

/** What the world may do next: the steps that move tasks on, and bounded noise (early and stale approvals, pushes, repeats). */
function moves(state: WorkflowState, pushes: Map<string, number>, last: EngineEvent | null): Move[] {
  const list: Move[] = [];
  for (const task of Object.values(state.tasks).sort((a, b) => a.id.localeCompare(b.id))) {
    const head = task.headSha;
    if (task.status === "coding")
      list.push({
        noise: false,
        event: {
          type: "task_published",
          taskId: task.id,
          pr: 1,
          prNodeId: "PR",
          headSha: shaOf(task.id),
          risk: { level: "low", reasons: [] },
          usage: USAGE,
        },
      });
    if (task.status === "coding" && task.approvedSha === null)
      list.push({ noise: true, event: { type: "approve_task", taskId: task.id, by: "maya", sha: shaOf(task.id), permission: "write" } });
    if (head === null || task.status === "merged") continue;
    if (task.status === "ci_running")
      list.push({ noise: false, event: { type: "ci_completed", taskId: task.id, sha: head, conclusion: "success", summary: "ok" } });
    if (task.status === "merging") list.push({ noise: false, event: { type: "task_merged", taskId: task.id, sha: head } });
    if (task.status !== "merging" && task.approvedSha !== head)
      list.push({ noise: false, event: { type: "approve_task", taskId: task.id, by: "maya", sha: head, permission: "write" } });
    const next = (pushes.get(task.id) ?? 1) + 1;
    list.push({ noise: true, event: { type: "head_changed", taskId: task.id, sha: shaOf(task.id, next), by: "octocat" } });
    list.push({ noise: true, event: { type: "approve_task", taskId: task.id, by: "maya", sha: shaOf(task.id, 0), permission: "write" } });
  }
  if (last) list.push({ noise: true, event: last });
  return list;
}

function checkInvariants(plan: Plan, maxParallel: number, before: WorkflowState, decision: Decision, greenShas: Set<string>): void {
  const after = decision.state;
  const statusOf = (id: string): string => after.tasks[id]?.status ?? "pending";
  for (const task of plan.tasks) {
    if (statusOf(task.id) !== "pending") expect(task.dependsOn.filter((dep) => statusOf(dep) !== "merged")).toEqual([]);
  }
  expect(Object.values(after.tasks).filter((task) => isRunning(task.status)).length).toBeLessThanOrEqual(maxParallel);
  for (const effect of decision.effects) {
    if (effect.type === "start_task") expect(before.tasks[effect.taskId]).toBeUndefined();
    if (effect.type !== "merge_task") continue;
    const task = after.tasks[effect.taskId];
    expect(effect.sha).toBe(task?.headSha);
    expect(task?.approvedSha).toBe(effect.sha);
    expect(greenShas.has(effect.sha)).toBe(true);
  }
}

/** Plays the world against the engine until nothing moves; returns the final state. */
function play(plan: Plan, maxParallel: number, picks: number[], noiseBudget: number): WorkflowState {
  const repoConfig = config({ maxParallelTasks: maxParallel, planApproval: "manual" });
  let state = run(null, [
    startEvent(repoConfig),
    { type: "engineer_done", outcome: { kind: "brief", brief: "b" }, usage: USAGE },
    { type: "plan_done", plan, notes: [], usage: USAGE },
    { type: "approve_plan", by: "maya" },
  ]).state;
  const pushes = new Map<string, number>();
  const greenShas = new Set<string>();
  let noise = noiseBudget;
  let last: EngineEvent | null = null;
  for (let index = 0; index < 500; index += 1) {
    const available: Move[] = moves(state, pushes, last).filter((move) => !move.noise || noise > 0);
    const move: Move | undefined = available[(picks[index] ?? 0) % Math.max(available.length, 1)];
    if (!move) break;
    if (move.event.type === "ci_completed") greenShas.add(move.event.sha);
    const decision = decide(state, move.event, NOW + index);
    if (!decision) throw new Error("the workflow vanished");
    checkInvariants(plan, maxParallel, state, decision, greenShas);
    if (move.event === last)
      expect(decision.effects.filter((effect) => effect.type === "start_task" || effect.type === "merge_task")).toEqual([]);
    if (move.noise) noise -= 1;
    if (move.event.type === "head_changed") pushes.set(move.event.taskId, (pushes.get(move.event.taskId) ?? 1) + 1);
    last = move.event;
    state = decision.state;
  }
  return state;
}

describe("decide properties", () => {
  it("keeps dependencies, the parallel limit and head-bound approvals, and completes every run that merges each task", () => {
    const arbitrary = fc.tuple(
      dagPlan,
      fc.integer({ min: 1, max: 4 }),
      fc.array(fc.nat(), { maxLength: 120 }),
      fc.integer({ min: 0, max: 6 }),
    );

    fc.assert(
      fc.property(arbitrary, ([plan, maxParallel, picks, noiseBudget]) => {
        const final = play(plan, maxParallel, picks, noiseBudget);

        expect(final.phase).toBe("completed");
        expect(plan.tasks.every((task) => final.tasks[task.id]?.status === "merged")).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
