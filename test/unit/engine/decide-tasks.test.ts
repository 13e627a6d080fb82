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

const single = planOf({ id: "a" });
const chain = planOf({ id: "a" }, { id: "b" }, { id: "c", dependsOn: ["a", "b"] });
const push = (taskId: string, pushNumber: number): EngineEvent => ({
  type: "head_changed",
  taskId,
  sha: shaOf(taskId, pushNumber),
  by: "octocat",
});

describe("decide: a task's pull request and CI", () => {
  it("waits for CI once the task is published, with an in-progress check on its head", () => {
    const decision = step(executing(single).state, published("a", 42));

    expect(taskOf(decision.state, "a")).toMatchObject({ status: "ci_running", pr: 42, prNodeId: "PR_a", headSha: shaOf("a") });
    expect(decision.state.usage.modelCalls).toBe(3);
    expect(ofType(decision.effects, "set_check")).toEqual([
      expect.objectContaining({ taskId: "a", sha: shaOf("a"), state: "in_progress", title: "Waiting for CI" }),
    ]);
  });

  it("ignores the same task_published twice", () => {
    const publishedOnce = step(executing(single).state, published("a")).state;

    const decision = decide(publishedOnce, published("a"), NOW);

    expect(decision).toEqual({ state: publishedOnce, effects: [], ignored: "task already published" });
  });

  it("ignores an event for a task that is not part of the run", () => {
    expect(decide(executing(single).state, published("zz"), NOW)?.ignored).toBe("unknown task zz");
  });

  it("records the failure with a failing check when CI fails, and hands it to the debugger", () => {
    const decision = run(executing(single).state, [published("a"), red("a")]);

    expect(taskOf(decision.state, "a")).toMatchObject({ status: "fixing", failure: "Failing checks:\n- test" });
    expect(ofType(decision.effects, "set_check")).toEqual([
      expect.objectContaining({ sha: shaOf("a"), state: "failure", title: "CI failed", summary: "Failing checks:\n- test" }),
    ]);
  });

  it("waits for an approval when CI is green and nobody approved yet", () => {
    const decision = run(executing(single).state, [published("a"), green("a")]);

    expect(taskOf(decision.state, "a").status).toBe("ready");
    expect(ofType(decision.effects, "merge_task")).toEqual([]);
    expect(ofType(decision.effects, "set_check")).toEqual([expect.objectContaining({ state: "in_progress", title: "Ready for approval" })]);
  });

  it("ignores a CI result for a commit that is not the head", () => {
    const waiting = step(executing(single).state, published("a")).state;

    expect(decide(waiting, green("a", shaOf("a", 9)), NOW)?.ignored).toBe("CI result for an old commit");
  });

  it("becomes ready again when CI is re-run green after a failure", () => {
    const decision = run(executing(single).state, [published("a"), red("a"), green("a")]);

    expect(taskOf(decision.state, "a")).toMatchObject({ status: "ready", failure: null });
  });
});

describe("decide: approval bound to the head commit", () => {
  it("merges the head commit when a green task is approved for it", () => {
    const decision = run(executing(single).state, [published("a"), green("a"), approve("a")]);

    expect(taskOf(decision.state, "a")).toMatchObject({ status: "merging", approvedSha: shaOf("a"), approvedBy: "maya" });
    expect(ofType(decision.effects, "merge_task")).toEqual([{ type: "merge_task", taskId: "a", sha: shaOf("a") }]);
    expect(ofType(decision.effects, "set_check")).toEqual([
      expect.objectContaining({ sha: shaOf("a"), state: "success", title: "Approved" }),
    ]);
  });

  it("ignores an approval for another commit", () => {
    const ready = run(executing(single).state, [published("a"), green("a")]).state;

    const decision = decide(ready, approve("a", shaOf("a", 2)), NOW);

    expect(decision?.ignored).toBe("approval for a commit that is not the head");
    expect(decision?.effects).toEqual([]);
    expect(taskOf(ready, "a").approvedSha).toBeNull();
  });

  it("keeps an approval given before CI finishes and merges when CI turns green", () => {
    const approvedEarly = run(executing(single).state, [published("a"), approve("a")]);

    const decision = step(approvedEarly.state, green("a"));

    expect(taskOf(approvedEarly.state, "a")).toMatchObject({ status: "ci_running", approvedSha: shaOf("a") });
    expect(ofType(approvedEarly.effects, "merge_task")).toEqual([]);
    expect(ofType(decision.effects, "merge_task")).toEqual([{ type: "merge_task", taskId: "a", sha: shaOf("a") }]);
  });

  it("keeps an approval given before the task is published when the published head is the approved commit", () => {
    const approvedFirst = step(executing(single).state, approve("a"));

    const decision = run(approvedFirst.state, [published("a"), green("a")]);

    expect(ofType(decision.effects, "merge_task")).toEqual([{ type: "merge_task", taskId: "a", sha: shaOf("a") }]);
  });

  it("drops an approval given before the task is published for another commit", () => {
    const approvedFirst = step(executing(single).state, approve("a", shaOf("a", 5)));

    const decision = run(approvedFirst.state, [published("a"), green("a")]);

    expect(taskOf(decision.state, "a")).toMatchObject({ status: "ready", approvedSha: null, approvedBy: null });
    expect(ofType(decision.effects, "merge_task")).toEqual([]);
  });

  it("voids the approval and says so on the pull request when the head moves", () => {
    const approvedEarly = run(executing(single).state, [published("a"), approve("a")]).state;

    const decision = step(approvedEarly, push("a", 2));

    expect(taskOf(decision.state, "a")).toMatchObject({
      status: "ci_running",
      headSha: shaOf("a", 2),
      approvedSha: null,
      approvedBy: null,
    });
    expect(ofType(decision.effects, "set_check")).toEqual([
      expect.objectContaining({ sha: shaOf("a", 1), state: "neutral", title: "Superseded" }),
      expect.objectContaining({ sha: shaOf("a", 2), state: "in_progress" }),
    ]);
    expect(ofType(decision.effects, "comment")).toEqual([
      expect.objectContaining({
        key: `approval-voided-a-${shaOf("a", 2)}`,
        on: { taskId: "a" },
        body: expect.stringContaining("pushed by @\u200boctocat") as string,
      }),
    ]);
    expect(ofType(decision.effects, "comment")[0]?.body).not.toMatch(/(?<![A-Za-z0-9])@octocat/);
  });

  it("does not merge the new head on green CI after the approval was voided", () => {
    const moved = run(executing(single).state, [published("a"), approve("a"), push("a", 2)]).state;

    const decision = step(moved, green("a", shaOf("a", 2)));

    expect(taskOf(decision.state, "a").status).toBe("ready");
    expect(ofType(decision.effects, "merge_task")).toEqual([]);
    expect(decide(decision.state, approve("a", shaOf("a", 1)), NOW)?.ignored).toBe("approval for a commit that is not the head");
  });

  it("posts no comment when the head moves before any approval", () => {
    const waiting = step(executing(single).state, published("a")).state;

    const decision = step(waiting, push("a", 2));

    expect(ofType(decision.effects, "comment")).toEqual([]);
  });

  it("ignores a head change to the commit it already has", () => {
    const waiting = step(executing(single).state, published("a")).state;

    expect(decide(waiting, push("a", 1), NOW)?.ignored).toBe("head unchanged");
  });

  it("ignores an approval while the task is already merging", () => {
    const merging = run(executing(single).state, [published("a"), green("a"), approve("a")]).state;

    expect(decide(merging, approve("a"), NOW)?.ignored).toBe("task already merging");
  });
});

describe("decide: merges, dependents and the end of the run", () => {
  it("starts a dependent only once all its dependencies are merged", () => {
    const afterA = run(executing(chain).state, through("a"));

    const afterB = run(afterA.state, through("b"));

    expect(started(afterA.effects)).toEqual([]);
    expect(started(afterB.effects)).toEqual(["c"]);
    expect(taskOf(afterB.state, "c").status).toBe("coding");
  });

  it("starts a waiting task when a merge frees a parallel slot", () => {
    const decision = run(executing(planOf({ id: "a" }, { id: "b" }), config({ maxParallelTasks: 1 })).state, through("a"));

    expect(started(decision.effects)).toEqual(["b"]);
    expect(taskOf(decision.state, "a")).toMatchObject({ status: "merged", mergedAt: NOW });
  });

  it("ignores the same task_merged twice", () => {
    const mergedOnce = run(executing(chain).state, through("a")).state;

    const decision = decide(mergedOnce, merged("a"), NOW);

    expect(decision).toEqual({ state: mergedOnce, effects: [], ignored: "task already merged" });
  });

  it("completes with the summary in the status comment's last edit and closes the issue after the last merge", () => {
    const decision = run(executing(chain).state, [...through("a"), ...through("b"), ...through("c")], NOW + 60_000);

    expect(decision.state).toMatchObject({ phase: "completed", finishedAt: NOW + 60_000 });
    expect(decision.effects).toEqual([{ type: "update_status" }, { type: "close_issue" }]);
  });

  it("leaves the issue open at the end when merge.closeIssue is false", () => {
    const decision = run(executing(single, config({ merge: { closeIssue: false } })).state, through("a"));

    expect(decision.state.phase).toBe("completed");
    expect(decision.effects).toEqual([{ type: "update_status" }]);
  });

  it("ignores a merge after the run completed", () => {
    const completed = run(executing(single).state, through("a")).state;

    expect(decide(completed, merged("a"), NOW)?.ignored).toBe("workflow is completed");
  });
});

describe("decide: tasks that stop", () => {
  it("marks a task failed with a comment when it cannot be coded", () => {
    const decision = step(executing(single).state, { type: "task_failed", taskId: "a", reason: "edits refused twice", usage: USAGE });

    expect(taskOf(decision.state, "a")).toMatchObject({ status: "failed", failure: "edits refused twice" });
    expect(ofType(decision.effects, "comment")).toEqual([
      { type: "comment", key: "task-failed-a-1", on: "issue", body: "edits refused twice" },
    ]);
  });

  it("hands a task the merge queue dropped back for a new /approve, with a comment saying why", () => {
    const merging = run(executing(single).state, [published("a"), green("a"), approve("a")]).state;

    const decision = step(merging, { type: "task_dequeued", taskId: "a", reason: "CI_FAILURE" });

    expect(taskOf(decision.state, "a")).toMatchObject({ status: "ready", approvedSha: null });
    expect(ofType(decision.effects, "comment")[0]?.body).toContain("The merge queue removed");
  });

  it("ignores a dequeue of a task that was not merging", () => {
    const waiting = step(executing(single).state, published("a")).state;

    expect(decide(waiting, { type: "task_dequeued", taskId: "a", reason: "x" }, NOW)?.ignored).toBe("task was not merging");
  });

  it("cancels a task whose pull request is closed without merging", () => {
    const waiting = step(executing(single).state, published("a")).state;

    const decision = step(waiting, { type: "task_closed", taskId: "a" });

    expect(taskOf(decision.state, "a").status).toBe("cancelled");
    expect(decision.state.phase).toBe("executing");
  });
});

describe("decide: results that arrive out of order", () => {
  it("asks for the checks already finished on the head when a task is published", () => {
    const decision = step(executing(single).state, published("a"));

    expect(ofType(decision.effects, "poll_ci")).toEqual([{ type: "poll_ci", taskId: "a", sha: shaOf("a") }]);
  });

  it("ignores a push to a task that is still being coded", () => {
    const coding = executing(single).state;

    expect(decide(coding, push("a", 2), NOW)?.ignored).toBe("push to a task that is coding");
  });

  it("ignores a push to a merged task", () => {
    const done = run(executing(chain).state, through("a")).state;

    expect(decide(done, push("a", 2), NOW)?.ignored).toBe("push to a task that is merged");
  });

  it("ignores a coding failure for a task that is no longer being coded", () => {
    const publishedTask = step(executing(single).state, published("a")).state;
    const failure: EngineEvent = { type: "task_failed", taskId: "a", reason: "late", usage: USAGE };

    expect(decide(publishedTask, failure, NOW)?.ignored).toBe("coding result for a task that is not being coded");
  });

  it("ignores a planner failure once the work is running", () => {
    const running = executing(single).state;
    const failure: EngineEvent = { type: "plan_failed", problems: ["late"], usage: USAGE };

    expect(decide(running, failure, NOW)?.ignored).toBe("plan result outside planning");
  });
});
