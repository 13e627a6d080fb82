import { describe, expect, it } from "vitest";
import { decide } from "../../../src/engine/decide.ts";
import type { EngineEvent } from "../../../src/engine/events.ts";
import type { WorkflowState } from "../../../src/engine/types.ts";
import { config, executing, green, NOW, ofType, planned, planOf, published, shaOf, step, taskOf, USAGE } from "./engine-fixtures.ts";

const three = planOf({ id: "a" }, { id: "b" }, { id: "c" });
const short = (taskId: string, push = 1): string => shaOf(taskId, push).slice(0, 7);

function approveOnIssue(input: Partial<Extract<EngineEvent, { type: "approve_ready" }>> = {}): EngineEvent {
  return { type: "approve_ready", by: "lead", permission: "maintain", commentId: 77, writtenAt: NOW + 5_000, named: null, ...input };
}

/**
 * Three tasks under way: `a` green since before the comment at NOW + 5 s, `b` still in CI, and `c`
 * whose pull request Foreman learned of only after the comment was written.
 */
function underWay(repoConfig = config()): WorkflowState {
  let state = executing(three, repoConfig).state;
  state = step(state, published("a", 10), NOW + 1_000).state;
  state = step(state, green("a"), NOW + 2_000).state;
  state = step(state, published("b", 11), NOW + 3_000).state;
  state = step(state, published("c", 12), NOW + 10_000).state;
  return step(state, green("c"), NOW + 11_000).state;
}

const answer = (effects: ReturnType<typeof step>["effects"]) => ofType(effects, "comment");

describe("decide: /approve on the issue while the tasks run", () => {
  it("approves each ready task whose head Foreman knew before the comment was written, and lists the others with why", () => {
    const decision = step(underWay(), approveOnIssue(), NOW + 12_000);

    expect(taskOf(decision.state, "a")).toMatchObject({ status: "merging", approvedSha: shaOf("a"), approvedBy: "lead" });
    expect(taskOf(decision.state, "b")).toMatchObject({ status: "ci_running", approvedSha: null });
    expect(taskOf(decision.state, "c")).toMatchObject({ status: "ready", approvedSha: null });
    expect(ofType(decision.effects, "merge_task")).toEqual([{ type: "merge_task", taskId: "a", sha: shaOf("a") }]);
    expect(answer(decision.effects)).toEqual([
      {
        type: "comment",
        key: "approve-ready-77",
        on: "issue",
        body: [
          "The `/approve` from @\u200blead approved:",
          "",
          `- **a** (#10) at ${short("a")}`,
          "",
          "Not approved:",
          "",
          "- **b** (#11): not ready for approval (CI running).",
          `- **c** (#12): its head ${short("c")} may be newer than this comment, so it is not approved; \`/approve ${shaOf("c").slice(0, 12)}\` approves it.`,
        ].join("\n"),
      },
    ]);
  });

  it("approves the ready task whose head the comment names, whenever Foreman learned of it", () => {
    const decision = step(underWay(), approveOnIssue({ named: shaOf("c").slice(0, 9) }), NOW + 12_000);

    expect(taskOf(decision.state, "c")).toMatchObject({ status: "merging", approvedSha: shaOf("c") });
    expect(taskOf(decision.state, "a")).toMatchObject({ status: "ready", approvedSha: null });
    expect(answer(decision.effects)[0]?.body).toContain(`- **a** (#10): its head is ${short("a")}, not the commit this comment names.`);
  });

  it("binds to nothing when the comment's time is unknown", () => {
    const decision = step(underWay(), approveOnIssue({ writtenAt: null }), NOW + 12_000);

    expect(ofType(decision.effects, "merge_task")).toEqual([]);
    expect(answer(decision.effects)[0]?.body).toMatch(/^The `\/approve` from @\u200blead approved no task: none was ready/);
  });

  it("does not approve a head someone pushed after the comment was written", () => {
    let state = underWay();
    state = step(state, { type: "head_changed", taskId: "a", sha: shaOf("a", 2), by: "rita" }, NOW + 4_000).state;
    state = step(state, green("a", shaOf("a", 2)), NOW + 4_500).state;

    const written = step(state, approveOnIssue({ writtenAt: NOW + 3_900 }), NOW + 12_000);
    const later = step(state, approveOnIssue({ writtenAt: NOW + 4_600 }), NOW + 12_000);

    expect(taskOf(written.state, "a").approvedSha).toBeNull();
    expect(taskOf(later.state, "a")).toMatchObject({ status: "merging", approvedSha: shaOf("a", 2) });
  });

  it("records a writer's approval of a high-risk task but says it needs a maintainer's", () => {
    let state = executing(planOf({ id: "a" })).state;
    const risky: EngineEvent = {
      type: "task_published",
      taskId: "a",
      pr: 10,
      prNodeId: "PR_a",
      headSha: shaOf("a"),
      risk: { level: "high", reasons: ["touches package.json"] },
      usage: USAGE,
    };
    state = step(state, risky, NOW + 1_000).state;
    state = step(state, green("a"), NOW + 2_000).state;

    const decision = step(state, approveOnIssue({ by: "wes", permission: "write" }), NOW + 12_000);

    expect(taskOf(decision.state, "a")).toMatchObject({ status: "ready", approvedSha: shaOf("a"), approvedBy: "wes" });
    expect(ofType(decision.effects, "merge_task")).toEqual([]);
    expect(answer(decision.effects)[0]?.body).toContain(
      `- **a** (#10): approved at ${short("a")}, but the task is high risk: it merges on the \`/approve\` of a maintainer`,
    );
  });

  it("refuses the requester's /approve where the repository wants someone else's approval, approving nothing", () => {
    const state = underWay(config({ approval: { separateApprover: true } }));

    const decision = step(state, approveOnIssue({ by: "maya" }), NOW + 12_000);

    expect(decision.state).toEqual(state);
    expect(answer(decision.effects)).toEqual([
      {
        type: "comment",
        key: "approve-ready-77",
        on: "issue",
        body: "@\u200bmaya started this work, and this repository requires the approval of someone else (`approval.separateApprover`).",
      },
    ]);
  });

  it("is ignored while the plan waits for approval", () => {
    const waiting = planned(three).state;

    expect(decide(waiting, approveOnIssue(), NOW)?.ignored).toBe("no tasks to approve outside execution");
  });

  it("says nothing of tasks that are merged or being merged", () => {
    let state = underWay();
    state = step(state, { type: "approve_task", taskId: "a", by: "lead", sha: shaOf("a"), permission: "admin" }, NOW + 4_000).state;

    const decision = step(state, approveOnIssue(), NOW + 12_000);

    const body = answer(decision.effects)[0]?.body ?? "";
    expect(body).not.toContain("**a**");
    expect(body).toContain("- **b** (#11): not ready for approval (CI running).");
  });
});
