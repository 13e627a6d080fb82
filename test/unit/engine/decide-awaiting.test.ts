import { describe, expect, it } from "vitest";
import { decide } from "../../../src/engine/decide.ts";
import type { EngineEvent } from "../../../src/engine/events.ts";
import type { WorkflowState } from "../../../src/engine/types.ts";
import { approve, executing, green, NOW, ofType, planOf, published, shaOf, step, taskOf } from "./engine-fixtures.ts";

const REVIEW = "an approving review from a code owner (@alice)";
const single = planOf({ id: "a" });

const ready = (): WorkflowState => step(step(executing(single).state, published("a")).state, green("a")).state;
const merging = (): WorkflowState => step(ready(), approve("a")).state;
const wantsReview = (reason = REVIEW): EngineEvent => ({ type: "task_dequeued", taskId: "a", reason, cause: "requirements" });
const waiting = (): WorkflowState => step(merging(), wantsReview()).state;

describe("decide: the base branch's rules want more than Foreman's approval", () => {
  it("keeps the approval, waits, and says on the pull request exactly what is missing, never that anything failed", () => {
    const decision = step(merging(), wantsReview());

    expect(taskOf(decision.state, "a")).toMatchObject({ status: "approved", approvedSha: shaOf("a"), awaiting: REVIEW, failure: null });
    const [comment, ...others] = ofType(decision.effects, "comment");
    expect(others).toEqual([]);
    expect(comment).toMatchObject({ key: `merge-refused-a-${shaOf("a")}-requirements`, on: { taskId: "a" } });
    expect(comment?.body).toContain("code owner");
    expect(comment?.body).toContain("Nothing needs to be coded again");
    expect(ofType(decision.effects, "merge_task")).toEqual([]);
    expect(ofType(decision.effects, "start_task")).toEqual([]);
    expect(JSON.stringify(decision.effects)).not.toMatch(/CI failed|Removed from the merge queue/);
  });

  it("says it once per head and wording: the same refusal again posts nothing", () => {
    const again = step(step(waiting(), { type: "requirements_changed", taskId: "a" }).state, wantsReview());

    expect(ofType(again.effects, "comment")).toEqual([]);
    expect(taskOf(again.state, "a")).toMatchObject({ status: "approved", awaiting: REVIEW });
  });

  it("tries the merge again when a review comes, whoever gave it", () => {
    const decision = step(waiting(), { type: "requirements_changed", taskId: "a" });

    expect(taskOf(decision.state, "a").status).toBe("merging");
    expect(ofType(decision.effects, "merge_task")).toEqual([{ type: "merge_task", taskId: "a", sha: shaOf("a") }]);
  });

  it("tries the merge again on a writer's approval of the head (GitHub's Approve button, or /approve)", () => {
    const decision = step(waiting(), approve("a"));

    expect(taskOf(decision.state, "a").status).toBe("merging");
    expect(ofType(decision.effects, "merge_task")).toEqual([{ type: "merge_task", taskId: "a", sha: shaOf("a") }]);
  });

  it("tries the merge again when a check on the head passes (a required check that was missing)", () => {
    const decision = step(waiting(), green("a"));

    expect(ofType(decision.effects, "merge_task")).toEqual([{ type: "merge_task", taskId: "a", sha: shaOf("a") }]);
    expect(ofType(decision.effects, "run_reviewer")).toEqual([]);
  });

  it("makes /retry try the merge again, never code the task again", () => {
    const decision = step(waiting(), { type: "retry", by: "maintainer", taskId: "a" });

    expect(taskOf(decision.state, "a")).toMatchObject({ status: "merging", attempts: taskOf(waiting(), "a").attempts });
    expect(ofType(decision.effects, "merge_task")).toEqual([{ type: "merge_task", taskId: "a", sha: shaOf("a") }]);
    expect(ofType(decision.effects, "start_task")).toEqual([]);
  });

  it("ignores a review of a task that is not waiting on the rules", () => {
    expect(decide(ready(), { type: "requirements_changed", taskId: "a" }, NOW)?.ignored).toBe(
      "task is not waiting on the base branch's rules",
    );
  });

  it("says what is missing again on a new head, though in the same words", () => {
    const pushed = step(waiting(), { type: "head_changed", taskId: "a", sha: shaOf("a", 2), by: "someone" });
    const approved = step(step(pushed.state, green("a", shaOf("a", 2))).state, approve("a", shaOf("a", 2))).state;

    const again = step(approved, wantsReview());

    expect(taskOf(pushed.state, "a").awaiting).toBeNull();
    expect(ofType(again.effects, "comment")).toEqual([expect.objectContaining({ key: `merge-refused-a-${shaOf("a", 2)}-requirements` })]);
  });

  it("voids the approval on a human push while waiting: the new head needs its own", () => {
    const pushed = step(waiting(), { type: "head_changed", taskId: "a", sha: shaOf("a", 2), by: "someone" });

    expect(taskOf(pushed.state, "a")).toMatchObject({ status: "ci_running", approvedSha: null });
    expect(decide(pushed.state, { type: "requirements_changed", taskId: "a" }, NOW)?.ignored).toBe(
      "task is not waiting on the base branch's rules",
    );
  });
});
