import { describe, expect, it } from "vitest";
import type { EngineEvent } from "../../../src/engine/events.ts";
import type { WorkflowState } from "../../../src/engine/types.ts";
import { config, executing, ofType, planOf, published, red, run, shaOf, step, taskOf } from "./engine-fixtures.ts";

/** With no fix attempts allowed, a red run goes straight to a human. */
const noFixes = config({ qa: { maxFixAttempts: 0 } });
const humanPush = (taskId: string): EngineEvent => ({ type: "head_changed", taskId, sha: shaOf(taskId, 9), by: "maya" });

function escalated(...ids: string[]): WorkflowState {
  const plan = planOf(...ids.map((id) => ({ id })));
  return run(
    executing(plan, noFixes).state,
    ids.flatMap((id, index) => [published(id, 10 + index), red(id)]),
  ).state;
}

describe("decide: a human pushes to an escalated task", () => {
  it("takes the push as the new head, runs CI again and removes the needs-human label", () => {
    const decision = step(escalated("a"), humanPush("a"));

    expect(taskOf(decision.state, "a")).toMatchObject({ status: "ci_running", headSha: shaOf("a", 9) });
    expect(ofType(decision.effects, "label")).toEqual([{ type: "label", add: [], remove: ["foreman:needs-human"] }]);
    expect(ofType(decision.effects, "set_check").map((effect) => [effect.sha, effect.title])).toEqual([
      [shaOf("a"), "Superseded"],
      [shaOf("a", 9), "Waiting for CI"],
    ]);
  });

  it("keeps the label while another task still needs a human", () => {
    const state = escalated("a", "b");

    const decision = step(state, humanPush("a"));

    expect(taskOf(decision.state, "b").status).toBe("needs_human");
    expect(ofType(decision.effects, "label")).toEqual([]);
  });
});
