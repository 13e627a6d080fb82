import { describe, expect, it } from "vitest";
import { decide } from "../../../src/engine/decide.ts";
import type { EngineEvent } from "../../../src/engine/events.ts";
import type { WorkflowState } from "../../../src/engine/types.ts";
import { approve, config, executing, green, NOW, ofType, planOf, published, run, shaOf, step, taskOf, USAGE } from "./engine-fixtures.ts";

const single = planOf({ id: "a" });
const reviewing = config({ qa: { review: { enabled: true, maxRounds: 2 } } });
const noVerdict = (sha = shaOf("a"), taskId = "a"): EngineEvent => ({
  type: "review_failed",
  taskId,
  sha,
  reason: "the answer was not JSON",
  usage: USAGE,
});

/** Task `a` green and under review, then the reviewer gave no usable verdict. */
function unreviewed(): WorkflowState {
  return run(executing(single, reviewing).state, [published("a"), green("a"), noVerdict()]).state;
}

describe("decide: a reviewer with no usable verdict", () => {
  it("never counts as nothing blocking: the task asks a human, saying the review could not be completed and what to do", () => {
    const decision = run(executing(single, reviewing).state, [published("a"), green("a"), noVerdict()]);

    const task = taskOf(decision.state, "a");
    expect(task).toMatchObject({ status: "needs_human", reviewedSha: shaOf("a"), reviewVerdict: "unavailable" });
    expect(task.failure).toContain("The review could not be completed");
    expect(task.failure).toContain("the answer was not JSON");
    const comment = ofType(decision.effects, "comment")[0]?.body ?? "";
    expect(comment).toContain("`/retry` on this pull request to have the change reviewed again");
    expect(comment).toContain("`/approve` on this pull request to go on without the review");
    expect(ofType(decision.effects, "label")).toEqual([{ type: "label", add: ["foreman:needs-human"], remove: [] }]);
    expect(ofType(decision.effects, "set_check")).toEqual([expect.objectContaining({ sha: shaOf("a"), state: "failure" })]);
    expect(ofType(decision.effects, "merge_task")).toEqual([]);
  });

  it("/retry asks the reviewer again, under a new key, and takes the label off", () => {
    const decision = step(unreviewed(), { type: "retry", by: "maya", taskId: "a" }, NOW + 5);

    expect(taskOf(decision.state, "a")).toMatchObject({ status: "reviewing", failure: null, attempts: 1 });
    expect(ofType(decision.effects, "run_reviewer")).toEqual([{ type: "run_reviewer", taskId: "a", sha: shaOf("a"), run: NOW + 5 }]);
    expect(ofType(decision.effects, "label")).toEqual([{ type: "label", add: [], remove: ["foreman:needs-human"] }]);
    expect(ofType(decision.effects, "start_task")).toEqual([]);
  });

  it("/retry then a usable verdict goes on as any review does", () => {
    const again = step(unreviewed(), { type: "retry", by: "maya", taskId: "a" }).state;

    const decision = step(again, {
      type: "review_done",
      taskId: "a",
      sha: shaOf("a"),
      verdict: "approve",
      summary: "Fine.",
      findings: [],
      usage: USAGE,
    });

    expect(taskOf(decision.state, "a")).toMatchObject({ status: "ready", reviewVerdict: "approve" });
  });

  it("/approve of the head goes on without the review: the task merges", () => {
    const decision = step(unreviewed(), approve("a"));

    expect(taskOf(decision.state, "a")).toMatchObject({ status: "merging", approvedSha: shaOf("a"), reviewVerdict: null, failure: null });
    expect(ofType(decision.effects, "merge_task")).toEqual([{ type: "merge_task", taskId: "a", sha: shaOf("a") }]);
    expect(ofType(decision.effects, "label")).toEqual([{ type: "label", add: [], remove: ["foreman:needs-human"] }]);
  });

  it("/approve by a writer of a high-risk task waits for a maintainer's, without the review", () => {
    const state = unreviewed();
    const risky = { ...state, tasks: { ...state.tasks, a: { ...taskOf(state, "a"), risk: "high" as const } } };

    const decision = step(risky, { type: "approve_task", taskId: "a", by: "sam", sha: shaOf("a"), permission: "write" });

    expect(taskOf(decision.state, "a")).toMatchObject({ status: "ready", approvedSha: shaOf("a") });
    expect(ofType(decision.effects, "merge_task")).toEqual([]);
  });

  it("keeps the label while another task still waits on a human", () => {
    const two = planOf({ id: "a" }, { id: "b", files: ["src/b.ts"] });
    const state = run(executing(two, reviewing).state, [
      published("a"),
      published("b", 11),
      green("a"),
      noVerdict(),
      green("b"),
      noVerdict(shaOf("b"), "b"),
    ]).state;

    const decision = step(state, approve("a"));

    expect(taskOf(decision.state, "b").status).toBe("needs_human");
    expect(ofType(decision.effects, "label")).toEqual([]);
  });

  it("ignores a verdict-less review of a head that is not under review", () => {
    const state = run(executing(single, reviewing).state, [published("a"), green("a")]).state;

    expect(decide(state, noVerdict(shaOf("a", 7)), NOW)?.ignored).toBe("review of a commit that is not under review");
  });

  it("stays with the human when the same green CI result comes again", () => {
    expect(decide(unreviewed(), green("a"), NOW)?.ignored).toBe("a CI result the task already acted on");
  });

  it("reviews a new head again after a human pushed to a task whose review could not be completed", () => {
    const pushed = step(unreviewed(), { type: "head_changed", taskId: "a", sha: shaOf("a", 2), by: "sam" }).state;

    const decision = step(pushed, green("a", shaOf("a", 2)));

    expect(taskOf(decision.state, "a").status).toBe("reviewing");
    expect(ofType(decision.effects, "run_reviewer")).toEqual([{ type: "run_reviewer", taskId: "a", sha: shaOf("a", 2) }]);
  });
});
