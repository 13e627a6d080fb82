import { describe, expect, it } from "vitest";
import { Plan, PlanAnswer } from "../../../src/plan/plan.ts";
import { plan, task } from "./plan-builder.ts";

describe("Plan schema", () => {
  it("accepts a well-formed plan", () => {
    const input = plan(task("a"), task("b-2", { dependsOn: ["a"], files: [{ path: "src/x.ts", action: "create" }] }));

    const result = Plan.safeParse(input);

    expect(result.success).toBe(true);
  });

  it("rejects unknown keys in a task, since model output is parsed strictly", () => {
    const input = { summary: "s", tasks: [{ ...task("a"), owner: "me" }] };

    const result = Plan.safeParse(input);

    expect(result.error?.issues).toMatchObject([{ code: "unrecognized_keys", keys: ["owner"], path: ["tasks", 0] }]);
  });

  it.each(["1a", "a.b", "a/b", "a".repeat(32), ""])("rejects the task id %j", (id) => {
    const result = Plan.safeParse(plan(task(id)));

    expect(result.error?.issues).toMatchObject([{ path: ["tasks", 0, "id"] }]);
  });

  it("normalises task ids as models write them: trimmed, lower-cased, spaces and underscores to dashes, in dependsOn too", () => {
    const input = plan(task(" Add_Parser "), task("Use parser", { dependsOn: ["ADD_PARSER"] }));

    const result = Plan.safeParse(input);

    expect(result.data?.tasks.map((planned) => [planned.id, planned.dependsOn])).toEqual([
      ["add-parser", []],
      ["use-parser", ["add-parser"]],
    ]);
  });

  it("accepts a task id of 31 characters", () => {
    const result = Plan.safeParse(plan(task(`a${"b".repeat(30)}`)));

    expect(result.success).toBe(true);
  });

  it("rejects a task without acceptance criteria", () => {
    const result = Plan.safeParse(plan(task("a", { acceptanceCriteria: [] })));

    expect(result.error?.issues).toMatchObject([{ path: ["tasks", 0, "acceptanceCriteria"] }]);
  });

  it("rejects a title longer than 120 characters and an unknown file action", () => {
    const input = plan(task("a", { title: "t".repeat(121), files: [{ path: "x", action: "rename" as "create" }] }));

    const result = Plan.safeParse(input);

    expect(result.error?.issues.map((issue) => issue.path)).toEqual([
      ["tasks", 0, "title"],
      ["tasks", 0, "files", 0, "action"],
    ]);
  });

  it("rejects a plan without tasks", () => {
    const result = Plan.safeParse({ summary: "nothing", tasks: [] });

    expect(result.success).toBe(false);
  });

  it("reads a task's type and scope, lower-cased as models may not write them", () => {
    const result = Plan.safeParse(plan(task("a", { type: " Fix" as "fix", scope: "Parser" })));

    expect(result.data?.tasks[0]).toMatchObject({ type: "fix", scope: "parser" });
  });

  it("reads a stored task without a type or a scope as it was", () => {
    const stored = JSON.parse(JSON.stringify(plan(task("a")))) as unknown;

    const result = Plan.safeParse(stored);

    expect(result.data?.tasks[0]).not.toHaveProperty("type");
    expect(result.data?.tasks[0]).not.toHaveProperty("scope");
  });

  it.each([
    ["type", "feature"],
    ["scope", "two words"],
    ["scope", "a".repeat(21)],
  ])("rejects the %s %j", (key, value) => {
    const result = Plan.safeParse(plan({ ...task("a"), [key]: value }));

    expect(result.error?.issues).toMatchObject([{ path: ["tasks", 0, key] }]);
  });
});

describe("PlanAnswer schema", () => {
  it("leaves out a null type or scope, and one the answer does not give", () => {
    const answer = {
      summary: "s",
      tasks: [{ ...task("a"), type: null, scope: null }, task("b"), { ...task("c"), type: "docs", scope: "readme" }],
    };

    const result = PlanAnswer.safeParse(answer);

    expect(result.data).toEqual({ summary: "s", tasks: [task("a"), task("b"), task("c", { type: "docs", scope: "readme" })] });
    expect(result.data?.tasks.map((planned) => Object.keys(planned).filter((key) => key === "type" || key === "scope"))).toEqual([
      [],
      [],
      ["type", "scope"],
    ]);
  });

  it("checks the type like a plan does", () => {
    const result = PlanAnswer.safeParse({ summary: "s", tasks: [{ ...task("a"), type: "feature", scope: null }] });

    expect(result.error?.issues).toMatchObject([{ path: ["tasks", 0, "type"] }]);
  });
});
