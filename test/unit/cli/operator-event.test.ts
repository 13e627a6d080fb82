import { describe, expect, it } from "vitest";
import { operatorEvent, operatorName } from "../../../src/cli/operator-event.ts";
import { twoTaskWorkflow } from "./cli-fixtures.ts";

const BY = "operator:alice";

describe("an operator's cancel and retry", () => {
  it("is the event a maintainer's /cancel brings, by the operator", () => {
    expect(operatorEvent(twoTaskWorkflow(), { kind: "cancel" }, BY)).toEqual({ event: { type: "cancel", by: BY } });
  });

  it("refuses a workflow that has already ended", () => {
    const ended = { ...twoTaskWorkflow(), phase: "cancelled" as const };

    expect(operatorEvent(ended, { kind: "cancel" }, BY)).toEqual({
      refusal: "the workflow has already ended (cancelled): there is nothing to cancel",
    });
  });

  it("retries a task that needs it, as /retry on its pull request does", () => {
    const state = twoTaskWorkflow();
    const mean = state.tasks.mean;
    if (!mean) throw new Error("no task mean");
    const failed = { ...state, tasks: { ...state.tasks, mean: { ...mean, status: "needs_human" as const } } };

    expect(operatorEvent(failed, { kind: "retry", taskId: "mean" }, BY)).toEqual({ event: { type: "retry", by: BY, taskId: "mean" } });
  });

  it("says when there is nothing to retry, or no such task", () => {
    expect(operatorEvent(twoTaskWorkflow(), { kind: "retry", taskId: null }, BY)).toEqual({
      refusal: "nothing to retry: no task failed or waits for a human",
    });
    expect(operatorEvent(twoTaskWorkflow(), { kind: "retry", taskId: "mode" }, BY)).toEqual({
      refusal: 'the workflow has no task "mode" (its tasks: mean)',
    });
  });

  it("names the operator by $USER, then $LOGNAME, without spaces or colons", () => {
    expect(operatorName({ USER: "alice" })).toBe("alice");
    expect(operatorName({ LOGNAME: "bob smith" })).toBe("bob-smith");
    expect(operatorName({})).toBe("unknown");
  });
});
