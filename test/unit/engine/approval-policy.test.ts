import { describe, expect, it } from "vitest";
import type { z } from "zod";
import type { RepoConfig } from "../../../src/config/index.ts";
import { config, green, ofType, planned, planOf, published, run, shaOf, step, taskOf, USAGE } from "./engine-fixtures.ts";
import type { Decision } from "../../../src/engine/decision.ts";
import type { EngineEvent } from "../../../src/engine/events.ts";
import type { Permission, WorkflowState } from "../../../src/engine/types.ts";
import type { Risk } from "../../../src/plan/index.ts";
import { renderStatus } from "../../../src/worker/status-view.ts";

const single = planOf({ id: "a" });
const two = planOf({ id: "a" }, { id: "b" });

type Input = z.input<typeof RepoConfig>;
const withTasks = (tasks: "each" | "plan" | "risk", input: Input = {}): RepoConfig =>
  config({ ...input, approval: { ...input.approval, tasks } });

/** The plan approved by `by`, a writer unless told otherwise. */
function approvedPlan(plan = single, repoConfig = withTasks("plan"), by = "wes", permission: Permission = "write"): WorkflowState {
  return step(planned(plan, repoConfig).state, { type: "approve_plan", by, permission }).state;
}

const publishedAt = (taskId: string, level: Risk, pr = 10): EngineEvent => ({
  type: "task_published",
  taskId,
  pr,
  prNodeId: `PR_${taskId}`,
  headSha: shaOf(taskId),
  risk: { level, reasons: level === "low" ? [] : [`${level} risk: touches package.json`] },
  usage: USAGE,
});

const humanPush = (taskId: string, push = 2): EngineEvent => ({ type: "head_changed", taskId, sha: shaOf(taskId, push), by: "rita" });

const approveAs = (taskId: string, sha: string, by: string, permission: Permission): EngineEvent => ({
  type: "approve_task",
  taskId,
  by,
  sha,
  permission,
});

const reviewed = (taskId: string, sha: string, verdict: "approve" | "request_changes"): EngineEvent => ({
  type: "review_done",
  taskId,
  sha,
  verdict,
  summary: verdict === "approve" ? "Looks right." : "A test is missing.",
  findings: verdict === "approve" ? [] : ["src/a.ts:1: no test"],
  usage: USAGE,
});

const merges = (decision: Decision) => ofType(decision.effects, "merge_task");
const checks = (decision: Decision) => ofType(decision.effects, "set_check").map((effect) => [effect.title, effect.summary]);

describe("approval.tasks: each (the default)", () => {
  it("keeps asking every green task for its own approval after the plan's", () => {
    const decision = run(approvedPlan(single, config()), [published("a"), green("a")]);

    expect(taskOf(decision.state, "a").status).toBe("ready");
    expect(merges(decision)).toEqual([]);
    expect(checks(decision)).toEqual([["Ready for approval", "CI is green. A maintainer can comment `/approve` on this pull request."]]);
  });
});

describe("approval.tasks: plan", () => {
  it("keeps who approved the plan, with their permission then", () => {
    const state = approvedPlan(single, withTasks("plan"), "wes", "maintain");

    expect(state.planApprover).toEqual({ login: "wes", permission: "maintain", at: expect.any(Number) as number });
  });

  it("merges a green task on the plan's approval, saying on the check run whose it was", () => {
    const decision = run(approvedPlan(), [published("a"), green("a")]);

    expect(taskOf(decision.state, "a")).toMatchObject({
      status: "merging",
      approvedSha: shaOf("a"),
      approvedBy: "wes",
      approvedPermission: "write",
      approvedWithPlan: true,
    });
    expect(merges(decision)).toEqual([{ type: "merge_task", taskId: "a", sha: shaOf("a") }]);
    expect(checks(decision)).toEqual([["Approved", `Approved with the plan by @\u200bwes for ${shaOf("a").slice(0, 7)}.`]]);
  });

  it("says on the status comment that a task was approved with the plan, and by whom", () => {
    const onPlan = run(approvedPlan(two), [published("a", 10), green("a"), published("b", 11), green("b")]).state;
    const ownApproval = step(
      run(onPlan, [humanPush("b"), green("b", shaOf("b", 2))]).state,
      approveAs("b", shaOf("b", 2), "maya", "write"),
    );

    const status = renderStatus(ownApproval.state);

    expect(status).toContain("**a** Task a — #10 merging, approved with the plan by @\u200bwes\n");
    expect(status).toContain("**b** Task b — #11 merging\n");
  });

  it("merges a medium-risk task on the plan's approval", () => {
    const decision = run(approvedPlan(), [publishedAt("a", "medium"), green("a")]);

    expect(merges(decision)).toEqual([{ type: "merge_task", taskId: "a", sha: shaOf("a") }]);
  });

  it("waits for the reviewer and merges only once it found nothing blocking", () => {
    const reviewing = withTasks("plan", { qa: { review: { enabled: true } } });
    const green_ = run(approvedPlan(single, reviewing), [published("a"), green("a")]);
    expect(taskOf(green_.state, "a").status).toBe("reviewing");
    expect(merges(green_)).toEqual([]);

    const changes = step(green_.state, reviewed("a", shaOf("a"), "request_changes"));
    expect(taskOf(changes.state, "a").status).toBe("revising");
    expect(merges(changes)).toEqual([]);

    const revised = run(changes.state, [
      { type: "revision_done", taskId: "a", sha: shaOf("a"), outcome: { kind: "committed", commitSha: shaOf("a", 3) }, usage: USAGE },
      green("a", shaOf("a", 3)),
      reviewed("a", shaOf("a", 3), "approve"),
    ]);
    expect(merges(revised)).toEqual([{ type: "merge_task", taskId: "a", sha: shaOf("a", 3) }]);
  });

  it("stops a task someone pushed to until a writer approves its new head, then merges it on that approval", () => {
    const pushed = run(approvedPlan(two), [published("a", 10), published("b", 11), humanPush("a"), green("a", shaOf("a", 2))]);

    expect(taskOf(pushed.state, "a")).toMatchObject({ status: "ready", humanCommits: true, approvedSha: null });
    expect(merges(pushed)).toEqual([]);
    expect(checks(pushed)).toEqual([
      [
        "Ready for approval",
        "CI is green. A maintainer can comment `/approve` on this pull request. The plan's approval covers only commits Foreman made, and someone else pushed to this branch: this task needs its own approval.",
      ],
    ]);

    const other = step(pushed.state, green("b"));
    expect(merges(other)).toEqual([{ type: "merge_task", taskId: "b", sha: shaOf("b") }]);

    const approved = step(other.state, approveAs("a", shaOf("a", 2), "maya", "write"));
    expect(taskOf(approved.state, "a")).toMatchObject({ status: "merging", approvedBy: "maya", approvedWithPlan: false });
    expect(merges(approved)).toEqual([{ type: "merge_task", taskId: "a", sha: shaOf("a", 2) }]);
    expect(checks(approved)).toEqual([["Approved", `Approved by @\u200bmaya for ${shaOf("a", 2).slice(0, 7)}.`]]);
  });

  it("does not let the plan approve a commit Foreman made on top of someone else's push", () => {
    const fixed: EngineEvent = {
      type: "debug_done",
      taskId: "a",
      sha: shaOf("a", 2),
      outcome: { kind: "fixed", classification: "implementation_bug", diagnosis: "An off-by-one.", commitSha: shaOf("a", 3) },
      signature: "sig-1",
      excerpt: "AssertionError",
      usage: USAGE,
    };
    const failingPush: EngineEvent = {
      type: "ci_completed",
      taskId: "a",
      sha: shaOf("a", 2),
      conclusion: "failure",
      summary: "Failing checks:\n- test",
    };

    const decision = run(approvedPlan(), [published("a"), humanPush("a"), failingPush, fixed, green("a", shaOf("a", 3))]);

    expect(taskOf(decision.state, "a")).toMatchObject({ status: "ready", headSha: shaOf("a", 3), humanCommits: true });
    expect(merges(decision)).toEqual([]);
  });

  it("does not let the plan approve a fresh attempt on a branch someone pushed to before its pull request existed", () => {
    const taken: EngineEvent = { type: "branch_taken", taskId: "a", sha: shaOf("a", 5), usage: USAGE };

    const decision = run(approvedPlan(), [taken, { type: "retry", by: "maya", taskId: "a" }, published("a"), green("a")]);

    expect(taskOf(decision.state, "a")).toMatchObject({ status: "ready", humanCommits: true });
    expect(merges(decision)).toEqual([]);
  });

  it("asks a high-risk task for its own approval, which must come from a maintainer", () => {
    const ready = run(approvedPlan(single, withTasks("plan"), "lead", "admin"), [publishedAt("a", "high"), green("a")]);
    expect(merges(ready)).toEqual([]);
    expect(checks(ready)[0]?.[1]).toContain("This task is high risk, which the plan's approval does not cover here");

    const byWriter = step(ready.state, approveAs("a", shaOf("a"), "wes", "write"));
    expect(merges(byWriter)).toEqual([]);
    expect(checks(byWriter)[0]?.[0]).toBe("Needs a maintainer's approval");

    const byMaintainer = step(byWriter.state, approveAs("a", shaOf("a"), "lead", "maintain"));
    expect(merges(byMaintainer)).toEqual([{ type: "merge_task", taskId: "a", sha: shaOf("a") }]);
  });

  it("approves nothing with a plan its requester approved where the repository wants someone else's approval", () => {
    const separate = withTasks("plan", { approval: { separateApprover: true } });

    const decision = run(approvedPlan(single, separate, "maya"), [published("a"), green("a")]);

    expect(taskOf(decision.state, "a").status).toBe("ready");
    expect(merges(decision)).toEqual([]);
  });

  it("acts as each with planApproval: auto, where no writer approved the plan", () => {
    const auto = withTasks("plan", { planApproval: "auto" });

    const decision = run(planned(single, auto).state, [published("a"), green("a")]);

    expect(decision.state.planApprover).toBeNull();
    expect(taskOf(decision.state, "a").status).toBe("ready");
    expect(merges(decision)).toEqual([]);
    expect(checks(decision)).toEqual([["Ready for approval", "CI is green. A maintainer can comment `/approve` on this pull request."]]);
  });
});

describe("approval.tasks: risk", () => {
  it.each<[Risk, boolean]>([
    ["low", true],
    ["medium", false],
    ["high", false],
  ])("with a %s-risk task, merges on the plan's approval: %s", (level, mergesOnPlan) => {
    const decision = run(approvedPlan(single, withTasks("risk")), [publishedAt("a", level), green("a")]);

    expect(merges(decision)).toEqual(mergesOnPlan ? [{ type: "merge_task", taskId: "a", sha: shaOf("a") }] : []);
    expect(taskOf(decision.state, "a").status).toBe(mergesOnPlan ? "merging" : "ready");
  });

  it("merges a medium-risk task on a writer's own approval", () => {
    const ready = run(approvedPlan(single, withTasks("risk")), [publishedAt("a", "medium"), green("a")]);
    expect(checks(ready)[0]?.[1]).toContain("This task is medium risk, which the plan's approval does not cover here");

    const decision = step(ready.state, approveAs("a", shaOf("a"), "wes", "write"));

    expect(merges(decision)).toEqual([{ type: "merge_task", taskId: "a", sha: shaOf("a") }]);
  });
});
