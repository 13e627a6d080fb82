import { describe, expect, it } from "vitest";
import { decide } from "../../../src/engine/decide.ts";
import type { EngineEvent } from "../../../src/engine/events.ts";
import {
  approve,
  config,
  executing,
  green,
  merged,
  NOW,
  planned,
  planOf,
  published,
  run,
  startEvent,
  started,
  step,
  USAGE,
} from "./engine-fixtures.ts";

const brief: EngineEvent = { type: "engineer_done", outcome: { kind: "brief", brief: "Add a sub function." }, usage: USAGE };
const questions: EngineEvent = { type: "engineer_done", outcome: { kind: "questions", questions: ["Integers only?"] }, usage: USAGE };
const reply: EngineEvent = { type: "reply", author: "maya", body: "Yes, integers only." };

describe("decide: from the label to a plan", () => {
  it("starts a workflow in planning and runs the engineer", () => {
    const decision = step(null, startEvent());

    expect(decision.state).toMatchObject({
      id: "acme/calculator#7",
      phase: "planning",
      issue: 7,
      requester: "maya",
      startedAt: NOW,
      finishedAt: null,
    });
    expect(decision.effects).toEqual([{ type: "update_status" }, { type: "run_engineer" }]);
  });

  it("ignores a second start while the workflow runs", () => {
    const running = step(null, startEvent()).state;

    const decision = decide(running, startEvent(), NOW);

    expect(decision).toEqual({ state: running, effects: [], ignored: "workflow already running" });
  });

  it("returns null for any other event before the workflow exists", () => {
    expect(decide(null, { type: "approve_plan", by: "maya" }, NOW)).toBeNull();
  });

  it("waits for answers when the engineer asks questions", () => {
    const decision = run(null, [startEvent(), questions]);

    expect(decision.state.phase).toBe("clarifying");
    expect(decision.state.questions).toEqual(["Integers only?"]);
    expect(decision.state.usage).toEqual(USAGE);
    expect(decision.effects).toEqual([{ type: "update_status" }]);
  });

  it("runs the engineer again with the reply", () => {
    const decision = run(null, [startEvent(), questions, reply]);

    expect(decision.state.phase).toBe("planning");
    expect(decision.state.answers).toEqual(["maya: Yes, integers only."]);
    expect(decision.effects).toEqual([{ type: "update_status" }, { type: "run_engineer" }]);
  });

  it("ignores a reply when no question is open", () => {
    const scoping = step(null, startEvent()).state;

    expect(decide(scoping, reply, NOW)?.ignored).toBe("not waiting for answers");
  });

  it("runs the planner once the engineer writes a brief", () => {
    const decision = run(null, [startEvent(), questions, reply, brief]);

    expect(decision.state).toMatchObject({ phase: "planning", brief: "Add a sub function.", questions: [] });
    expect(decision.state.usage).toEqual({ promptTokens: 200, completionTokens: 40, costUsd: 0.5, modelCalls: 2 });
    expect(decision.effects).toEqual([{ type: "update_status" }, { type: "run_planner" }]);
  });

  it("ignores a second engineer result once the brief is written", () => {
    const scoped = run(null, [startEvent(), brief]).state;

    expect(decide(scoped, brief, NOW)?.ignored).toBe("engineer result outside scoping");
  });
});

describe("decide: plan approval", () => {
  const plan = planOf({ id: "a" }, { id: "b" }, { id: "c", dependsOn: ["a"] });

  it("waits for approval with the default manual plan approval", () => {
    const decision = planned(plan);

    expect(decision.state.phase).toBe("awaiting_approval");
    expect(decision.state.plan).toEqual(plan);
    expect(decision.effects).toEqual([{ type: "update_status" }]);
  });

  it("starts the tasks without dependencies on /approve", () => {
    const decision = executing(plan);

    expect(decision.state.phase).toBe("executing");
    expect(started(decision.effects)).toEqual(["a", "b"]);
    expect(decision.state.tasks.a).toMatchObject({ status: "coding", branch: "foreman/7/a", attempts: 1, startedAt: NOW });
    expect(decision.state.tasks.c).toBeUndefined();
  });

  it("starts no more tasks than maxParallelTasks, in plan order", () => {
    const wide = planOf({ id: "a" }, { id: "b" }, { id: "c" }, { id: "d" }, { id: "e" });

    const withDefault = executing(wide);
    const withTwo = executing(wide, config({ maxParallelTasks: 2 }));

    expect(started(withDefault.effects)).toEqual(["a", "b", "c"]);
    expect(started(withTwo.effects)).toEqual(["a", "b"]);
  });

  it("starts the tasks straight away with planApproval auto", () => {
    const decision = planned(plan, config({ planApproval: "auto" }));

    expect(decision.state.phase).toBe("executing");
    expect(started(decision.effects)).toEqual(["a", "b"]);
  });

  it("ignores /approve when no plan is waiting", () => {
    const running = executing(plan).state;

    expect(decide(running, { type: "approve_plan", by: "maya" }, NOW)?.ignored).toBe("no plan waiting for approval");
  });

  it("asks the planner again with the feedback of /plan", () => {
    const decision = step(planned(plan).state, { type: "replan", by: "maya", feedback: "Use one task." });

    expect(decision.state).toMatchObject({ phase: "planning", plan: null, planFeedback: "Use one task." });
    expect(decision.effects).toEqual([{ type: "update_status" }, { type: "run_planner" }]);
  });
});

describe("decide: failure and cancellation", () => {
  it("fails with a comment listing every problem when the plan is invalid twice", () => {
    const scoped = run(null, [startEvent(), brief]).state;

    const decision = step(
      scoped,
      { type: "plan_failed", problems: ["tasks.0.id: invalid", "a cycle: a -> b -> a"], usage: USAGE },
      NOW + 5,
    );

    expect(decision.state).toMatchObject({ phase: "failed", finishedAt: NOW + 5 });
    expect(decision.state.failure).toBe("The planner's answer was invalid twice:\n- tasks.0.id: invalid\n- a cycle: a -> b -> a");
    expect(decision.effects).toEqual([
      { type: "update_status" },
      {
        type: "comment",
        key: "failure",
        on: "issue",
        body: `${decision.state.failure}\n\nTo start again once the cause is dealt with, remove Foreman's label from this issue and add it again.`,
      },
    ]);
  });

  it("fails naming the agent when an agent cannot finish", () => {
    const scoping = step(null, startEvent()).state;

    const decision = step(scoping, { type: "agent_failed", role: "engineer", reason: "the model is out of quota", usage: USAGE });

    expect(decision.state.phase).toBe("failed");
    expect(decision.state.failure).toBe("The engineer could not finish: the model is out of quota");
  });

  it("cancels and closes the pull requests that are open, but not merged ones", () => {
    const plan = planOf({ id: "a" }, { id: "b" }, { id: "c" }, { id: "d", dependsOn: ["a"] });
    const state = run(executing(plan).state, [published("a", 11), green("a"), approve("a"), merged("a"), published("b", 12)]).state;

    const decision = step(state, { type: "cancel", by: "maya" }, NOW + 9);

    expect(decision.state.phase).toBe("cancelled");
    expect(decision.state.finishedAt).toBe(NOW + 9);
    expect(decision.effects.map((effect) => effect.type)).toEqual(["update_status", "comment", "close_task_pr"]);
    expect(decision.effects.slice(1)).toMatchObject([{ on: { taskId: "b" } }, { taskId: "b" }]);
    expect(Object.fromEntries(Object.entries(decision.state.tasks).map(([id, task]) => [id, task.status]))).toEqual({
      a: "merged",
      b: "cancelled",
      c: "cancelled",
      d: "cancelled",
    });
  });

  it.each<[string, EngineEvent]>([
    ["a reply", reply],
    ["/approve", { type: "approve_plan", by: "maya" }],
    ["a plan", { type: "plan_done", plan: planOf({ id: "a" }), notes: [], usage: USAGE }],
    ["a task event", green("a")],
    ["another cancel", { type: "cancel", by: "maya" }],
    ["an agent failure", { type: "agent_failed", role: "planner", reason: "late", usage: USAGE }],
  ])("ignores %s after the workflow is cancelled", (_name, event) => {
    const cancelled = step(executing(planOf({ id: "a" })).state, { type: "cancel", by: "maya" }).state;

    const decision = decide(cancelled, event, NOW);

    expect(decision).toEqual({ state: cancelled, effects: [], ignored: "workflow is cancelled" });
  });

  it("ignores events after a failure", () => {
    const failed = step(step(null, startEvent()).state, { type: "agent_failed", role: "engineer", reason: "boom", usage: USAGE }).state;

    expect(decide(failed, brief, NOW)?.ignored).toBe("workflow is failed");
  });

  it("starts a new workflow when the label is added again after the end", () => {
    const failed = step(step(null, startEvent()).state, { type: "agent_failed", role: "engineer", reason: "boom", usage: USAGE }).state;

    const decision = step(failed, startEvent(), NOW + 100);

    expect(decision.state).toMatchObject({ phase: "planning", failure: null, startedAt: NOW + 100 });
    expect(decision.effects).toEqual([{ type: "update_status" }, { type: "run_engineer" }]);
  });
});
