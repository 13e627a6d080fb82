import { describe, expect, it } from "vitest";
import { decide } from "../../../src/engine/decide.ts";
import type { EngineEvent } from "../../../src/engine/events.ts";
import type { WorkflowState } from "../../../src/engine/types.ts";
import {
  approve,
  config,
  executing,
  green,
  merged,
  NOW,
  ofType,
  planOf,
  published,
  red,
  run,
  shaOf,
  started,
  step,
  taskOf,
  through,
  USAGE,
} from "./engine-fixtures.ts";

/** A live mention: `@` right after something that is not a word character, then a name. */
const MENTION = /(?<![A-Za-z0-9])@[A-Za-z0-9]/;

const closedBy = (taskId: string, by?: string, pr?: number): EngineEvent => ({
  type: "task_closed",
  taskId,
  ...(pr === undefined ? {} : { pr }),
  ...(by === undefined ? {} : { by }),
});

const reopened = (taskId: string, pr = 10, sha = shaOf(taskId), by: string | null = "maya"): EngineEvent => ({
  type: "task_reopened",
  taskId,
  pr,
  sha,
  by,
});

const issueClosed = (how: "closed" | "not_planned" | "deleted", by: string | null = "maya"): EngineEvent => ({
  type: "issue_closed",
  how,
  by,
});

const statuses = (state: WorkflowState): Record<string, string> =>
  Object.fromEntries(Object.entries(state.tasks).map(([id, task]) => [id, task.status]));

/** a merged, b with an open pull request (#12), c being coded (no pull request yet), d waiting for c. */
function midRun(): WorkflowState {
  const plan = planOf({ id: "a" }, { id: "b" }, { id: "c" }, { id: "d", dependsOn: ["c"] });
  return run(executing(plan, config({ maxParallelTasks: 3 })).state, [...through("a"), published("b", 12)]).state;
}

describe("decide: the issue closed or deleted mid-run", () => {
  it("cancels the workflow, closes each open task pull request with a note that keeps its branch, and says why", () => {
    const decision = step(midRun(), issueClosed("not_planned"), NOW + 9);

    expect(decision.state).toMatchObject({ phase: "cancelled", finishedAt: NOW + 9 });
    expect(statuses(decision.state)).toEqual({ a: "merged", b: "cancelled", c: "cancelled" });
    expect(decision.state.failure).toBe(
      "The issue was closed as not planned by @\u200bmaya, so Foreman stopped: its open pull requests were closed and their branches kept. To start again, reopen the issue, then remove and add the `foreman` label.",
    );
    expect(decision.effects).toEqual([
      { type: "update_status" },
      {
        type: "comment",
        key: "stopped",
        on: { taskId: "b" },
        body: "Foreman closed this pull request: #7 was closed as not planned by @\u200bmaya. The branch `foreman/7/b` is kept.",
      },
      { type: "close_task_pr", taskId: "b" },
    ]);
    expect(JSON.stringify(decision)).not.toMatch(MENTION);
  });

  it("says only that the issue was closed when nobody knows who closed it (the reconciler found it)", () => {
    const decision = step(midRun(), issueClosed("closed", null));

    expect(decision.state.failure).toMatch(/^The issue was closed, so Foreman stopped/);
    expect(ofType(decision.effects, "comment")[0]?.body).toBe(
      "Foreman closed this pull request: #7 was closed. The branch `foreman/7/b` is kept.",
    );
  });

  it("writes nothing to a deleted issue, but still closes the open pull requests", () => {
    const decision = step(midRun(), issueClosed("deleted"));

    expect(decision.state.phase).toBe("cancelled");
    expect(decision.effects.map((effect) => effect.type)).toEqual(["comment", "close_task_pr"]);
    expect(ofType(decision.effects, "comment")[0]?.body).toContain("#7 was deleted by @\u200bmaya");
  });

  it("takes off the needs-human label when a task was waiting for a human", () => {
    const plan = planOf({ id: "a" });
    const escalated = { ...run(executing(plan).state, [published("a")]).state };
    escalated.tasks = { ...escalated.tasks, a: { ...taskOf(escalated, "a"), status: "needs_human" } };

    const decision = step(escalated, issueClosed("closed"));

    expect(ofType(decision.effects, "label")).toEqual([{ type: "label", add: [], remove: ["foreman:needs-human"] }]);
  });

  it("stops a workflow that is still planning, with nothing to close", () => {
    const planning = run(null, [
      {
        type: "start",
        ref: { installationId: 1, owner: "Acme", repo: "Calculator" },
        issue: 7,
        issueTitle: "t",
        requester: "maya",
        config: config(),
        defaultBranch: "main",
      },
    ]).state;

    const decision = step(planning, issueClosed("not_planned"));

    expect(decision.state.phase).toBe("cancelled");
    expect(decision.effects).toEqual([{ type: "update_status" }]);
  });

  it("says who cancelled with /cancel and how to start again", () => {
    const decision = step(midRun(), { type: "cancel", by: "maya" });

    expect(decision.state.failure).toBe(
      "@\u200bmaya cancelled the work with `/cancel`, so Foreman stopped: its open pull requests were closed and their branches kept. To start again, remove and add the `foreman` label.",
    );
    expect(ofType(decision.effects, "comment")[0]?.body).toBe(
      "Foreman closed this pull request: @\u200bmaya cancelled the work on #7. The branch `foreman/7/b` is kept.",
    );
  });

  it("ignores a second close once the workflow is cancelled", () => {
    const cancelled = step(midRun(), issueClosed("closed")).state;

    expect(decide(cancelled, issueClosed("deleted"), NOW)?.ignored).toBe("workflow is cancelled");
  });
});

describe("decide: a task's pull request closed by someone", () => {
  /** A chain a → b → c beside an independent d; a has its pull request #10. */
  const chain = () =>
    run(executing(planOf({ id: "a" }, { id: "b", dependsOn: ["a"] }, { id: "c", dependsOn: ["b"] }, { id: "d" })).state, [
      published("a", 10),
      published("d", 11),
    ]).state;

  it("cancels the task and tells the issue who closed it, which tasks now wait and how to go on", () => {
    const decision = step(chain(), closedBy("a", "maya", 10));

    expect(decision.state.phase).toBe("executing");
    expect(statuses(decision.state)).toEqual({ a: "cancelled", d: "ci_running" });
    expect(ofType(decision.effects, "comment")).toEqual([
      {
        type: "comment",
        key: `task-closed-a-${shaOf("a")}`,
        on: "issue",
        body: "Task `a` (#10) was closed by @\u200bmaya, so Foreman stopped the task. `b`, `c` depend on it and will not start. Reopen #10 to go on with the task, or close this issue to stop all the work.",
      },
    ]);
    expect(ofType(decision.effects, "update_status")).toHaveLength(1);
    expect(started(decision.effects)).toEqual([]);
    expect(JSON.stringify(decision)).not.toMatch(MENTION);
  });

  it("keeps the same words as the task's note for the status comment, without the pull request's number", () => {
    const decision = step(chain(), closedBy("a", "maya", 10));

    expect(taskOf(decision.state, "a").failure).toBe(
      "Task `a`'s pull request was closed by @\u200bmaya, so Foreman stopped the task. `b`, `c` depend on it and will not start. Reopen its pull request to go on with the task, or close this issue to stop all the work.",
    );
  });

  it("says when no task waits for it, and leaves out who when nobody knows (the reconciler found it closed)", () => {
    const decision = step(chain(), closedBy("d"));

    expect(ofType(decision.effects, "comment")[0]?.body).toBe(
      "Task `d` (#11) was closed, so Foreman stopped the task. No other task depends on it. Reopen #11 to go on with the task, or close this issue to stop all the work.",
    );
  });

  it("gives the slot it held to a task that was waiting for one", () => {
    const plan = planOf({ id: "a" }, { id: "d" });
    const one = run(executing(plan, config({ maxParallelTasks: 1 })).state, [published("a", 10)]).state;

    const decision = step(one, closedBy("a", "maya", 10));

    expect(started(decision.effects)).toEqual(["d"]);
  });

  it("ignores the close of another pull request of the same branch (an earlier workflow's)", () => {
    expect(decide(chain(), closedBy("a", "maya", 99), NOW)?.ignored).toBe("a pull request that is not the task's");
  });

  it("takes off the needs-human label when the closed task was the last one waiting for a human", () => {
    const state = chain();
    state.tasks = { ...state.tasks, a: { ...taskOf(state, "a"), status: "needs_human" } };

    const decision = step(state, closedBy("a", "maya", 10));

    expect(ofType(decision.effects, "label")).toEqual([{ type: "label", add: [], remove: ["foreman:needs-human"] }]);
  });

  it("does not merge anything afterwards: an approval or green CI for the cancelled task changes nothing", () => {
    const closed = step(chain(), closedBy("a", "maya", 10)).state;

    expect(decide(closed, green("a"), NOW)?.ignored).toBeDefined();
    expect(decide(closed, approve("a"), NOW)?.effects ?? []).not.toContainEqual(expect.objectContaining({ type: "merge_task" }));
  });
});

describe("decide: a closed task pull request reopened", () => {
  const closedChain = () =>
    step(
      run(executing(planOf({ id: "a" }, { id: "b", dependsOn: ["a"] })).state, [published("a", 10), green("a"), approve("a", shaOf("a"))])
        .state,
      closedBy("a", "maya", 10),
    ).state;

  it("goes on from the pull request's head: CI read again, the approval dropped, the issue told", () => {
    const decision = step(closedChain(), reopened("a", 10, shaOf("a", 2)), NOW + 5);

    expect(taskOf(decision.state, "a")).toMatchObject({
      status: "ci_running",
      headSha: shaOf("a", 2),
      headSeenAt: NOW + 5,
      approvedSha: null,
      approvedBy: null,
      failure: null,
    });
    expect(decision.effects.map((effect) => effect.type)).toEqual(["set_check", "poll_ci", "update_status", "comment"]);
    expect(ofType(decision.effects, "comment")[0]).toEqual({
      type: "comment",
      key: `task-reopened-a-${shaOf("a", 2)}`,
      on: "issue",
      body: "Task `a` (#10) was reopened by @\u200bmaya, so Foreman goes on with it: CI is read again on its head, and it needs an `/approve` before it merges. `b` can start once it is merged.",
    });
  });

  it("starts the dependents once the reopened task is green, approved and merged", () => {
    const back = step(closedChain(), reopened("a")).state;

    const decision = run(back, [green("a"), approve("a"), merged("a")]);

    expect(started(decision.effects)).toEqual(["b"]);
  });

  it("ignores a reopen of another pull request, and of a task that is not cancelled", () => {
    expect(decide(closedChain(), reopened("a", 99), NOW)?.ignored).toBe("a pull request that is not the task's");
    const open = run(executing(planOf({ id: "a" })).state, [published("a", 10)]).state;
    expect(decide(open, reopened("a"), NOW)?.ignored).toBe("reopened a task that is ci_running");
  });

  it("ignores a reopen once the whole workflow is cancelled: relabelling starts a fresh one", () => {
    const stopped = step(closedChain(), issueClosed("closed")).state;

    expect(decide(stopped, reopened("a"), NOW)?.ignored).toBe("workflow is cancelled");
  });
});

describe("decide: a pull request opened after the task was stopped", () => {
  const coding = () => executing(planOf({ id: "a" }, { id: "b" })).state;

  it("closes it with a note once the workflow is cancelled, and counts what the coder cost", () => {
    const cancelled = step(coding(), issueClosed("not_planned")).state;

    const decision = step(cancelled, published("a", 21));

    expect(decision.state.phase).toBe("cancelled");
    expect(taskOf(decision.state, "a")).toMatchObject({ status: "cancelled", pr: 21, headSha: shaOf("a") });
    expect(decision.state.usage.costUsd).toBeCloseTo(cancelled.usage.costUsd + USAGE.costUsd);
    expect(decision.effects).toEqual([
      {
        type: "comment",
        key: "stopped",
        on: { taskId: "a" },
        body: "Foreman closed this pull request: the work on #7 was stopped while it was being coded. The branch `foreman/7/a` is kept.",
      },
      { type: "close_task_pr", taskId: "a" },
    ]);
  });

  it("closes a new pull request of a task someone stopped while a fresh attempt was coded, but not its known one", () => {
    const failed = run(executing(planOf({ id: "a" })).state, [published("a", 10), red("a")]).state;
    const retried = step(
      { ...failed, tasks: { ...failed.tasks, a: { ...taskOf(failed, "a"), status: "coding" } } },
      closedBy("a", "maya", 10),
    ).state;

    expect(decide(retried, published("a", 10), NOW)?.ignored).toBe("task already published");
    const late = step(retried, published("a", 22));
    expect(ofType(late.effects, "close_task_pr")).toEqual([{ type: "close_task_pr", taskId: "a" }]);
    expect(ofType(late.effects, "comment")[0]?.body).toBe(
      "Foreman closed this pull request: task `a` was stopped while it was being coded. The branch `foreman/7/a` is kept.",
    );
  });

  it("ignores other events after the end, and a late pull request of a completed workflow", () => {
    const cancelled = step(coding(), issueClosed("closed")).state;
    const completed = run(executing(planOf({ id: "a" })).state, through("a")).state;

    expect(decide(cancelled, green("a"), NOW)?.ignored).toBe("workflow is cancelled");
    expect(decide(completed, published("a", 30), NOW)?.ignored).toBe("workflow is completed");
  });
});
