import { describe, expect, it } from "vitest";
import { decide } from "../../../src/engine/decide.ts";
import type { EngineEvent } from "../../../src/engine/events.ts";
import type { WorkflowState } from "../../../src/engine/types.ts";
import { config, executing, NOW, ofType, planOf, published, red, run, shaOf, step, taskOf, USAGE } from "./engine-fixtures.ts";

const noFixes = config({ qa: { maxFixAttempts: 0 } });
const taken = (taskId: string, sha: string | null): EngineEvent => ({ type: "branch_taken", taskId, sha, usage: USAGE });
const retry = (taskId: string | null = null): EngineEvent => ({ type: "retry", by: "maya", taskId });

/** A task whose first attempt failed CI and went to a human, then `/retry`: a fresh attempt is coding. */
function recoding(): WorkflowState {
  const state = run(executing(planOf({ id: "a" }), noFixes).state, [published("a", 10), red("a")]).state;
  return step(state, retry("a")).state;
}

describe("decide: someone pushed to the branch while the coder worked (G2)", () => {
  it("leaves the branch to them: the task waits on their head, with the label and a comment on the pull request", () => {
    const decision = step(recoding(), taken("a", shaOf("a", 7)), NOW + 5_000);

    expect(taskOf(decision.state, "a")).toMatchObject({
      status: "needs_human",
      headSha: shaOf("a", 7),
      headSeenAt: NOW + 5_000,
      approvedSha: null,
    });
    expect(taskOf(decision.state, "a").failure).toContain("never writes over a commit it did not make");
    expect(ofType(decision.effects, "label")).toEqual([{ type: "label", add: ["foreman:needs-human"], remove: [] }]);
    const [comment] = ofType(decision.effects, "comment");
    expect(comment).toMatchObject({ key: `handed-over-a-${shaOf("a", 7)}`, on: { taskId: "a" } });
    expect(comment?.body).toContain("comment `/retry` to have Foreman continue from your commit");
    expect(decision.state.usage.modelCalls).toBe(recoding().usage.modelCalls + 1);
  });

  it("ignores the report once the task is no longer being coded", () => {
    const state = run(executing(planOf({ id: "a" })).state, [published("a")]).state;

    expect(decide(state, taken("a", shaOf("a", 7)), NOW)?.ignored).toBe("branch taken while the task is not being coded");
  });

  it("goes on from the human's commit on /retry: CI on their head, not a fresh attempt", () => {
    const handed = step(recoding(), taken("a", shaOf("a", 7))).state;

    const decision = step(handed, retry("a"));

    expect(taskOf(decision.state, "a")).toMatchObject({ status: "ci_running", headSha: shaOf("a", 7), attempts: 2 });
    expect(ofType(decision.effects, "start_task")).toEqual([]);
    expect(ofType(decision.effects, "poll_ci")).toEqual([{ type: "poll_ci", taskId: "a", sha: shaOf("a", 7) }]);
    expect(ofType(decision.effects, "label")).toEqual([{ type: "label", add: [], remove: ["foreman:needs-human"] }]);
  });

  it("still starts a fresh attempt on /retry when the head is Foreman's own", () => {
    const state = run(executing(planOf({ id: "a" }), noFixes).state, [published("a", 10), red("a")]).state;

    const decision = step(state, retry("a"));

    expect(taskOf(decision.state, "a")).toMatchObject({ status: "coding", attempts: 2 });
    expect(ofType(decision.effects, "start_task")).toEqual([{ type: "start_task", taskId: "a" }]);
  });
});
