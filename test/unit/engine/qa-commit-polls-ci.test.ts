import { describe, expect, it } from "vitest";
import { decide } from "../../../src/engine/decide.ts";
import type { EngineEvent } from "../../../src/engine/events.ts";
import type { WorkflowState } from "../../../src/engine/types.ts";
import { config, executing, green, NOW, ofType, planOf, published, red, run, shaOf, step, taskOf, USAGE } from "./engine-fixtures.ts";

const single = planOf({ id: "a" });
const pushed = shaOf("a", 2);

function fixing(): WorkflowState {
  return run(executing(single).state, [published("a"), red("a")]).state;
}

function revising(): WorkflowState {
  const reviewing = config({ qa: { review: { enabled: true } } });
  const review: EngineEvent = {
    type: "review_done",
    taskId: "a",
    sha: shaOf("a"),
    verdict: "request_changes",
    summary: "- src/a.ts:1: x",
    findings: ["f"],
    usage: USAGE,
  };
  return run(executing(single, reviewing).state, [published("a"), green("a"), review]).state;
}

function rebasing(): WorkflowState {
  return run(executing(single).state, [published("a"), green("a"), { type: "task_conflicted", taskId: "a", baseSha: "b".repeat(40) }])
    .state;
}

const cases: Array<{ name: string; before: () => WorkflowState; event: EngineEvent }> = [
  {
    name: "the debugger's fix",
    before: fixing,
    event: {
      type: "debug_done",
      taskId: "a",
      sha: shaOf("a"),
      outcome: { kind: "fixed", classification: "implementation_bug", diagnosis: "off by one", commitSha: pushed },
      signature: "sig",
      excerpt: "AssertionError",
      usage: USAGE,
    },
  },
  {
    name: "a revision",
    before: revising,
    event: { type: "revision_done", taskId: "a", sha: shaOf("a"), outcome: { kind: "committed", commitSha: pushed }, usage: USAGE },
  },
  {
    name: "a re-applied commit",
    before: rebasing,
    event: { type: "rebase_done", taskId: "a", outcome: { kind: "committed", commitSha: pushed, how: "reapplied" }, usage: USAGE },
  },
];

describe("decide: a commit Foreman pushed for a task", () => {
  it.each(cases)(
    "reads the checks already finished on $name, whose CI may have completed before the result arrived",
    ({ before, event }) => {
      const decision = step(before(), event);

      expect(taskOf(decision.state, "a")).toMatchObject({ status: "ci_running", headSha: pushed });
      expect(ofType(decision.effects, "poll_ci")).toEqual([{ type: "poll_ci", taskId: "a", sha: pushed }]);
    },
  );

  it("takes a CI result that the poll and the webhook both bring only once", () => {
    const [fix] = cases;
    if (!fix) throw new Error("no case");
    const first = step(step(fixing(), fix.event).state, green("a", pushed));

    const second = decide(first.state, green("a", pushed), NOW);

    expect(taskOf(first.state, "a").status).toBe("ready");
    expect(second?.ignored).toBe("task is not waiting for CI");
  });
});
