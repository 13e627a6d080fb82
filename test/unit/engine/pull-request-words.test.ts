import { describe, expect, it } from "vitest";
import { closesIssueOnMerge, closingTask, taskTitleView } from "../../../src/engine/pull-request-words.ts";
import type { WorkflowState } from "../../../src/engine/types.ts";
import { Plan, type Task } from "../../../src/plan/index.ts";
import { approve, config, executing, green, planOf, published, run, startEvent, step, taskOf, through } from "./engine-fixtures.ts";

const closesIssue = config({ pullRequests: { closesIssue: true } });

function onlyTask(plan: Plan): Task {
  const [task] = plan.tasks;
  if (!task) throw new Error("the plan has no task");
  return task;
}

/** `b` after `a`: `a` merged, `b` published, green and approved. */
function lastMerging(repoConfig = closesIssue): WorkflowState {
  const plan = planOf({ id: "a" }, { id: "b", dependsOn: ["a"] });
  return run(executing(plan, repoConfig).state, [...through("a"), published("b", 11), green("b"), approve("b")]).state;
}

describe("the title style a workflow keeps", () => {
  it.each([
    ["auto", "conventional", "conventional"],
    ["auto", undefined, "plain"],
    ["conventional", undefined, "conventional"],
    ["plain", undefined, "plain"],
  ] as const)("pullRequests.title %s with %s found in the history: %s", (title, found, expected) => {
    const event = { ...startEvent(config({ pullRequests: { title } })), ...(found === undefined ? {} : { pullRequestTitles: found }) };

    const state = step(null, event).state;

    expect(state.pullRequestTitles).toBe(expected);
  });
});

describe("taskTitleView", () => {
  it("takes the type and scope the plan gives, and the workflow's style", () => {
    const plan = Plan.parse({ summary: "One step.", tasks: [{ ...onlyTask(planOf({ id: "a" })), type: "perf", scope: "core" }] });
    const state = { ...executing(plan).state, pullRequestTitles: "conventional" as const };

    expect(taskTitleView(state, onlyTask(plan))).toEqual({
      style: "conventional",
      issue: 7,
      title: "Task a",
      type: "perf",
      scope: "core",
    });
  });

  it("infers the type when the plan gives none: the issue's title speaks of a fix", () => {
    const plan = planOf({ id: "a" });
    const state = { ...executing(plan).state, issueTitle: "Fix subtraction of negatives" };

    expect(taskTitleView(state, onlyTask(plan))).toMatchObject({ style: "plain", type: "fix", scope: undefined });
  });
});

describe("closesIssueOnMerge", () => {
  it("is true for a single task, and for the end of a chain once the rest is merged", () => {
    const single = executing(planOf({ id: "a" }), closesIssue).state;
    const chain = run(executing(planOf({ id: "a" }, { id: "b", dependsOn: ["a"] }), closesIssue).state, through("a")).state;

    expect(closesIssueOnMerge(single, "a")).toBe(true);
    expect(closesIssueOnMerge(chain, "b")).toBe(true);
  });

  it("is false while another task is not merged, for tasks side by side, and without closesIssue", () => {
    const chain = executing(planOf({ id: "a" }, { id: "b", dependsOn: ["a"] }), closesIssue).state;
    const sideBySide = executing(planOf({ id: "a" }, { id: "b" }), closesIssue).state;
    const off = executing(planOf({ id: "a" })).state;

    expect(closesIssueOnMerge(chain, "a")).toBe(false);
    expect([closesIssueOnMerge(sideBySide, "a"), closesIssueOnMerge(sideBySide, "b")]).toEqual([false, false]);
    expect(closesIssueOnMerge(off, "a")).toBe(false);
    expect(closesIssueOnMerge(chain, "z")).toBe(false);
  });
});

describe("closingTask", () => {
  it("is the one task left unmerged once it has a pull request, with closesIssue", () => {
    const state = lastMerging();

    expect(closingTask(state)?.id).toBe("b");
    expect(closingTask(lastMerging(config()))).toBeNull();
  });

  it("is none while two tasks are unmerged, or while the last has no pull request yet", () => {
    const twoOpen = run(executing(planOf({ id: "a" }, { id: "b" }), closesIssue).state, [published("a", 10), published("b", 11)]).state;
    const coding = run(executing(planOf({ id: "a" }, { id: "b", dependsOn: ["a"] }), closesIssue).state, through("a")).state;

    expect(closingTask(twoOpen)).toBeNull();
    expect(taskOf(coding, "b").status).toBe("coding");
    expect(closingTask(coding)).toBeNull();
  });
});
