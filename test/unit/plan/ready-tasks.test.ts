import { describe, expect, it } from "vitest";
import { readyTasks } from "../../../src/plan/ready-tasks.ts";
import { plan, task, writes } from "./plan-builder.ts";

describe("readyTasks", () => {
  it("starts every task without dependencies, in plan order, up to the limit", () => {
    const input = plan(task("c"), task("a"), task("b"), task("d"));

    expect(readyTasks(input, {}, 3)).toEqual(["c", "a", "b"]);
  });

  it("waits until every dependency is merged", () => {
    const input = plan(task("a"), task("b"), task("c", { dependsOn: ["a", "b"] }));

    expect(readyTasks(input, { a: "merged", b: "approved" }, 3)).toEqual([]);
    expect(readyTasks(input, { a: "merged", b: "merged" }, 3)).toEqual(["c"]);
  });

  it("counts every running status against the limit", () => {
    const running = { a: "coding", b: "pr_open", c: "ci_running", d: "ready", e: "approved", f: "merging" } as const;
    const input = plan(task("a"), task("b"), task("c"), task("d"), task("e"), task("f"), task("g"));

    expect(readyTasks(input, running, 6)).toEqual([]);
    expect(readyTasks(input, running, 7)).toEqual(["g"]);
  });

  it("does not count merged or cancelled tasks as running", () => {
    const input = plan(task("a"), task("b"), task("c"));

    expect(readyTasks(input, { a: "merged", b: "cancelled" }, 1)).toEqual(["c"]);
  });

  it("keeps a failed task's slot and files, since its pull request may still turn green", () => {
    const input = plan(task("a", { files: writes("x") }), task("b", { files: writes("x") }), task("c"));

    expect(readyTasks(input, { a: "failed" }, 1)).toEqual([]);
    expect(readyTasks(input, { a: "failed" }, 2)).toEqual(["c"]);
  });

  it("never restarts a failed or cancelled task", () => {
    const input = plan(task("a"), task("b"));

    expect(readyTasks(input, { a: "failed", b: "cancelled" }, 2)).toEqual([]);
  });

  it("never starts a task that shares a file with a running task", () => {
    const input = plan(task("a", { files: writes("x") }), task("b", { files: writes("y", "x") }), task("c", { files: writes("y") }));

    expect(readyTasks(input, { a: "ci_running" }, 3)).toEqual(["c"]);
  });

  it("never starts two tasks sharing a file together, even in a plan that was not normalised", () => {
    const input = plan(task("a", { files: writes("x") }), task("b", { files: writes("x") }), task("c"));

    expect(readyTasks(input, {}, 3)).toEqual(["a", "c"]);
  });

  it("returns nothing when the limit is below one", () => {
    expect(readyTasks(plan(task("a")), {}, 0)).toEqual([]);
  });
});
