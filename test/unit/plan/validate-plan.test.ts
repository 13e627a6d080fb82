import { describe, expect, it } from "vitest";
import { Plan } from "../../../src/plan/plan.ts";
import { validatePlan } from "../../../src/plan/validate-plan.ts";
import { plan, task, writes } from "./plan-builder.ts";

const limits = { tasksPerPlan: 6, filesPerTask: 3 };

describe("validatePlan", () => {
  it("accepts a valid plan unchanged and without notes", () => {
    const input = plan(task("a", { files: writes("a.ts") }), task("b", { dependsOn: ["a"], files: writes("b.ts") }));

    const result = validatePlan(input, limits);

    expect(result).toEqual({ ok: true, plan: input, notes: [] });
  });

  it("reports duplicate ids, unknown and self dependencies at once", () => {
    const input = plan(task("a", { dependsOn: ["a"] }), task("a"), task("b", { dependsOn: ["ghost"] }));

    const result = validatePlan(input, limits);

    expect(result).toEqual({
      ok: false,
      problems: [
        { code: "duplicate_id", taskId: "a", message: 'More than one task has the id "a".' },
        { code: "self_dependency", taskId: "a", message: 'Task "a" depends on itself.' },
        { code: "unknown_dependency", taskId: "b", message: 'Task "b" depends on "ghost", which is not a task of this plan.' },
      ],
    });
  });

  it("reports a cycle with its path", () => {
    const input = plan(task("a", { dependsOn: ["c"] }), task("b", { dependsOn: ["a"] }), task("c", { dependsOn: ["b"] }));

    const result = validatePlan(input, limits);

    expect(result).toEqual({
      ok: false,
      problems: [{ code: "cycle", cycle: ["a", "c", "b", "a"], message: "The tasks depend on each other in a cycle: a -> c -> b -> a." }],
    });
  });

  it("reports a self dependency alone, not also as a cycle", () => {
    const result = validatePlan(plan(task("a", { dependsOn: ["a"] })), limits);

    expect(result.ok === false && result.problems.map((problem) => problem.code)).toEqual(["self_dependency"]);
  });

  it("caps the number of tasks and the files per task", () => {
    const input = plan(task("a", { files: writes("1", "2", "3", "4") }), task("b"), task("c"));

    const result = validatePlan(input, { tasksPerPlan: 2, filesPerTask: 3 });

    expect(result.ok === false && result.problems).toEqual([
      { code: "too_many_tasks", message: "The plan has 3 tasks; at most 2 are allowed." },
      { code: "too_many_files", taskId: "a", message: 'Task "a" names 4 files; at most 3 are allowed.' },
    ]);
  });

  it("rejects unsafe paths and a file named twice in one task", () => {
    const input = plan(task("a", { files: writes("/abs", "../up", "ok.ts", "ok.ts") }));

    const result = validatePlan(input, { tasksPerPlan: 6, filesPerTask: 10 });

    expect(result.ok === false && result.problems.map((problem) => [problem.code, problem.message])).toEqual([
      [
        "unsafe_path",
        'Task "a" names the path "/abs", which is absolute; use a relative path inside the repository, with / between folders.',
      ],
      [
        "unsafe_path",
        'Task "a" names the path "../up", which leaves the repository with ..; use a relative path inside the repository, with / between folders.',
      ],
      ["duplicate_file", 'Task "a" names the file "ok.ts" more than once.'],
    ]);
  });

  it("makes the later of two independent tasks writing the same file wait for the earlier one", () => {
    const input = plan(task("a", { files: writes("shared.ts", "a.ts") }), task("b", { files: writes("b.ts", "shared.ts") }));

    const result = validatePlan(input, limits);

    expect(result).toEqual({
      ok: true,
      plan: plan(input.tasks[0]!, { ...input.tasks[1]!, dependsOn: ["a"] }),
      notes: ['Tasks "a" and "b" both write "shared.ts": "b" now waits for "a".'],
    });
  });

  it("adds no edge when one task already depends on the other through a third", () => {
    const input = plan(
      task("a", { files: writes("shared.ts") }),
      task("b", { dependsOn: ["a"] }),
      task("c", { dependsOn: ["b"], files: writes("shared.ts") }),
    );

    const result = validatePlan(input, limits);

    expect(result).toEqual({ ok: true, plan: input, notes: [] });
  });

  it("adds no edge when the earlier task in plan order depends on the later one", () => {
    const input = plan(task("a", { dependsOn: ["b"], files: writes("x") }), task("b", { files: writes("x") }));

    const result = validatePlan(input, limits);

    expect(result).toEqual({ ok: true, plan: input, notes: [] });
  });

  it("chains three tasks writing the same file without redundant edges", () => {
    const input = plan(task("a", { files: writes("x") }), task("b", { files: writes("x") }), task("c", { files: writes("x") }));

    const result = validatePlan(input, limits);

    expect(result.ok && result.plan.tasks.map((t) => t.dependsOn)).toEqual([[], ["a"], ["b"]]);
    expect(result.ok && result.notes).toHaveLength(2);
  });

  it("does not change the plan it was given", () => {
    const input = plan(task("a", { files: writes("x") }), task("b", { files: writes("x") }));

    validatePlan(input, limits);

    expect(input.tasks[1]!.dependsOn).toEqual([]);
  });
});

describe("validatePlan: plan depth", () => {
  it("refuses a chain of dependent tasks longer than the limit", () => {
    const chain = Plan.parse({
      summary: "a chain",
      tasks: ["a", "b", "c"].map((id, index, ids) => ({
        id,
        title: id,
        description: id,
        files: [{ path: `src/${id}.ts`, action: "create" }],
        dependsOn: index === 0 ? [] : [ids[index - 1]],
        acceptanceCriteria: ["works"],
        risk: "low",
      })),
    });

    const result = validatePlan(chain, { tasksPerPlan: 10, filesPerTask: 10, planDepth: 2 });

    expect(result).toEqual({
      ok: false,
      problems: [{ code: "too_deep", message: "The longest chain of dependent tasks is 3 long; at most 2 are allowed." }],
    });
    expect(validatePlan(chain, { tasksPerPlan: 10, filesPerTask: 10, planDepth: 3 }).ok).toBe(true);
  });
});
