import { describe, expect, it } from "vitest";
import { decide } from "../../../src/engine/decide.ts";
import type { DebugOutcome, EngineEvent } from "../../../src/engine/events.ts";
import type { WorkflowState } from "../../../src/engine/types.ts";
import { config, executing, green, NOW, ofType, planOf, published, red, run, shaOf, step, taskOf, USAGE } from "./engine-fixtures.ts";

const single = planOf({ id: "a" });
const debugged = (outcome: DebugOutcome, signature = "sig-1", sha = shaOf("a")): EngineEvent => ({
  type: "debug_done",
  taskId: "a",
  sha,
  outcome,
  signature,
  excerpt: "AssertionError: 1 !== 2",
  usage: USAGE,
});
const fixed = (commit: number): DebugOutcome => ({
  kind: "fixed",
  classification: "implementation_bug",
  diagnosis: "off by one",
  commitSha: shaOf("a", commit),
});

function redTask(repoConfig = config()): WorkflowState {
  return run(executing(single, repoConfig).state, [published("a"), red("a")]).state;
}

describe("decide: a red CI run", () => {
  it("goes to the debugger with a failing check", () => {
    const decision = run(executing(single).state, [published("a"), red("a")]);

    expect(taskOf(decision.state, "a").status).toBe("fixing");
    expect(ofType(decision.effects, "run_debugger")).toEqual([{ type: "run_debugger", taskId: "a", sha: shaOf("a") }]);
    expect(ofType(decision.effects, "set_check")).toEqual([expect.objectContaining({ state: "failure" })]);
  });

  it("goes to a human when the task has used its fix attempts", () => {
    const decision = run(executing(single, config({ qa: { maxFixAttempts: 0 } })).state, [published("a"), red("a")]);

    expect(taskOf(decision.state, "a").status).toBe("needs_human");
    expect(ofType(decision.effects, "label")).toEqual([{ type: "label", add: ["foreman:needs-human"], remove: [] }]);
    expect(ofType(decision.effects, "comment")[0]?.body).toContain("qa.maxFixAttempts");
  });

  it("takes the debugger's fix as the new head and counts the attempt", () => {
    const decision = step(redTask(), debugged(fixed(2)));
    const task = taskOf(decision.state, "a");

    expect(task).toMatchObject({ status: "ci_running", headSha: shaOf("a", 2), fixAttempts: 1, classifications: ["implementation_bug"] });
    expect(task.ownCommits).toContain(shaOf("a", 2));
    expect(decision.state.fixAttemptsTotal).toBe(1);
  });

  it("stops early when the same failure comes back after a fix", () => {
    const afterFix = run(redTask(), [debugged(fixed(2)), red("a", shaOf("a", 2))]).state;

    const decision = step(afterFix, debugged(fixed(3), "sig-1", shaOf("a", 2)));

    expect(taskOf(decision.state, "a").status).toBe("needs_human");
    expect(ofType(decision.effects, "comment")[0]?.body).toContain("AssertionError");
  });

  it("quotes the debugger's words in the escalation and the check without a mention, a team mention or a reference", () => {
    const outcome: DebugOutcome = {
      kind: "no_fix",
      classification: "spec_mismatch",
      diagnosis: "ask @maya or @acme/core, see #3 and acme/other#4",
    };

    const decision = step(redTask(), debugged(outcome));

    const posted = [
      ...ofType(decision.effects, "comment").map((effect) => effect.body),
      ...ofType(decision.effects, "set_check").map((effect) => effect.summary),
    ];
    expect(posted).toHaveLength(2);
    expect(posted.every((text) => text.includes("ask @\u200bmaya or @\u200bacme/core, see #\u200b3 and acme/other#\u200b4"))).toBe(true);
    expect(posted.filter((text) => /(?<![A-Za-z0-9])@[A-Za-z0-9]|(?<![\w&])#\d|\/[\w.-]+#\d/.test(text))).toEqual([]);
  });

  it("re-runs a flaky failure once, then treats a second failure as real", () => {
    const rerun = step(redTask(), debugged({ kind: "rerun", classification: "flaky", diagnosis: "timing" }));
    const again = run(rerun.state, [red("a"), debugged(fixed(2))]);

    expect(ofType(rerun.effects, "rerun_jobs")).toEqual([{ type: "rerun_jobs", taskId: "a", sha: shaOf("a") }]);
    expect(taskOf(again.state, "a")).toMatchObject({ status: "ci_running", headSha: shaOf("a", 2) });
  });

  it("asks a human when a re-run job fails again and the debugger still calls it flaky", () => {
    const rerun = step(redTask(), debugged({ kind: "rerun", classification: "flaky", diagnosis: "timing" })).state;

    const decision = run(rerun, [red("a"), debugged({ kind: "rerun", classification: "flaky", diagnosis: "timing" })]);

    expect(taskOf(decision.state, "a").status).toBe("needs_human");
  });

  it("asks the planner for the task's new file list on a spec mismatch, instead of recoding with the same list", () => {
    const decision = step(redTask(), debugged({ kind: "spec_mismatch", diagnosis: "wrong rounding" }));

    expect(taskOf(decision.state, "a")).toMatchObject({ status: "fixing", attempts: 1, classifications: ["spec_mismatch"] });
    expect(ofType(decision.effects, "amend_files")).toEqual([
      { type: "amend_files", taskId: "a", sha: shaOf("a"), diagnosis: "wrong rounding" },
    ]);
    expect(ofType(decision.effects, "start_task")).toEqual([]);
  });
});

describe("decide: the reviewer", () => {
  const reviewing = config({ qa: { review: { enabled: true, maxRounds: 2 } } });
  const green1 = (): WorkflowState => run(executing(single, reviewing).state, [published("a"), green("a")]).state;
  const review = (verdict: "approve" | "request_changes", findings: string[], sha = shaOf("a")): EngineEvent => ({
    type: "review_done",
    taskId: "a",
    sha,
    verdict,
    summary: "- src/a.ts:3: handle empty input",
    findings,
    usage: USAGE,
  });

  it("reviews green CI before asking for approval", () => {
    const decision = run(executing(single, reviewing).state, [published("a"), green("a")]);

    expect(taskOf(decision.state, "a").status).toBe("reviewing");
    expect(ofType(decision.effects, "run_reviewer")).toHaveLength(1);
  });

  it("waits for /approve after an approving review, whose words the ready check run carries", () => {
    const decision = step(green1(), review("approve", []));

    expect(taskOf(decision.state, "a").status).toBe("ready");
    expect(ofType(decision.effects, "set_check").map((effect) => [effect.title, effect.summary])).toEqual([
      [
        "Ready for approval",
        "CI is green. A maintainer can comment `/approve` on this pull request.\n\n**Foreman's reviewer found nothing blocking.** - src/a.ts:3: handle empty input",
      ],
    ]);
  });

  it("sends blocking findings back to the coder", () => {
    const decision = step(green1(), review("request_changes", ["src/a.ts:handle empty input"]));

    expect(taskOf(decision.state, "a")).toMatchObject({ status: "revising", reviewRounds: 1 });
    expect(ofType(decision.effects, "run_revision")[0]?.feedback).toContain("handle empty input");
  });

  it("counts a finding that recurs after being fixed as stuck", () => {
    const revised: EngineEvent = {
      type: "revision_done",
      taskId: "a",
      sha: shaOf("a"),
      outcome: { kind: "committed", commitSha: shaOf("a", 2) },
      usage: USAGE,
    };
    const again = run(green1(), [review("request_changes", ["f1"]), revised, green("a", shaOf("a", 2))]).state;

    const decision = step(again, review("request_changes", ["f1"], shaOf("a", 2)));

    expect(taskOf(decision.state, "a").status).toBe("needs_human");
  });
});

describe("decide: humans in the loop", () => {
  it("gives a writer's review comment to the coder and answers in its thread", () => {
    const waiting = run(executing(single).state, [published("a"), green("a")]).state;

    const decision = step(waiting, {
      type: "human_feedback",
      taskId: "a",
      by: "maya",
      body: "rename x",
      reply: { kind: "thread", commentId: 5 },
    });

    expect(ofType(decision.effects, "run_revision")).toEqual([
      expect.objectContaining({ taskId: "a", sha: shaOf("a"), reply: { kind: "thread", commentId: 5 } }),
    ]);
  });

  it("retries an escalated task from scratch, and re-runs jobs when the last failure was flaky", () => {
    const escalated = step(redTask(), debugged({ kind: "no_fix", classification: "test_bug", diagnosis: "?" })).state;
    const flaky = run(redTask(), [
      debugged({ kind: "rerun", classification: "flaky", diagnosis: "t" }),
      red("a"),
      debugged({ kind: "rerun", classification: "flaky", diagnosis: "t" }),
    ]).state;

    const fresh = step(escalated, { type: "retry", by: "maya", taskId: "a" });
    const rerun = step(flaky, { type: "retry", by: "maya", taskId: null });

    expect(taskOf(fresh.state, "a")).toMatchObject({ status: "coding", attempts: 2 });
    expect(ofType(fresh.effects, "label")).toEqual([{ type: "label", add: [], remove: ["foreman:needs-human"] }]);
    expect(ofType(rerun.effects, "rerun_jobs")).toHaveLength(1);
  });

  it("ignores /retry when nothing failed", () => {
    const waiting = step(executing(single).state, published("a")).state;

    expect(decide(waiting, { type: "retry", by: "maya", taskId: null }, NOW)?.ignored).toBe("nothing to retry");
  });
});

describe("decide: when the base moves", () => {
  const conflicted = (): WorkflowState =>
    run(executing(single).state, [published("a"), green("a"), { type: "task_conflicted", taskId: "a", baseSha: "b".repeat(40) }]).state;

  it("brings a conflicting pull request up to date", () => {
    const decision = run(executing(single).state, [
      published("a"),
      green("a"),
      { type: "task_conflicted", taskId: "a", baseSha: "b".repeat(40) },
    ]);

    expect(taskOf(decision.state, "a").status).toBe("rebasing");
    expect(ofType(decision.effects, "rebase_task")).toEqual([{ type: "rebase_task", taskId: "a" }]);
  });

  it("runs CI on the re-applied commit", () => {
    const decision = step(conflicted(), {
      type: "rebase_done",
      taskId: "a",
      outcome: { kind: "committed", commitSha: shaOf("a", 2), how: "reapplied" },
      usage: USAGE,
    });

    expect(taskOf(decision.state, "a")).toMatchObject({ status: "ci_running", headSha: shaOf("a", 2) });
  });

  it("asks instead of rewriting a branch someone else pushed to", () => {
    const decision = step(conflicted(), { type: "rebase_done", taskId: "a", outcome: { kind: "human_commits" }, usage: USAGE });

    expect(taskOf(decision.state, "a").status).toBe("needs_human");
    expect(ofType(decision.effects, "comment")[0]?.body).toContain("will not rewrite");
  });
});

describe("decide: approvals that must be stronger", () => {
  const highRisk = (): WorkflowState => {
    const published: EngineEvent = {
      type: "task_published",
      taskId: "a",
      pr: 10,
      prNodeId: "PR_a",
      headSha: shaOf("a"),
      risk: { level: "high", reasons: ["`package.json` is a dependency manifest or lock file"] },
      usage: USAGE,
    };
    return run(executing(single).state, [published, green("a")]).state;
  };
  const approveAs = (by: string, permission: "write" | "maintain"): EngineEvent => ({
    type: "approve_task",
    taskId: "a",
    by,
    sha: shaOf("a"),
    permission,
  });

  it("does not merge a high-risk task on a writer's approval", () => {
    const decision = step(highRisk(), approveAs("lee", "write"));

    expect(ofType(decision.effects, "merge_task")).toEqual([]);
    expect(ofType(decision.effects, "set_check")[0]).toMatchObject({ title: "Needs a maintainer's approval" });
  });

  it("merges a high-risk task on a maintainer's approval", () => {
    expect(ofType(step(highRisk(), approveAs("lee", "maintain")).effects, "merge_task")).toHaveLength(1);
  });

  it("refuses the requester's own approval when the repository asks for another approver", () => {
    const state = run(executing(single, config({ approval: { separateApprover: true } })).state, [published("a"), green("a")]).state;

    const decision = step(state, { type: "approve_task", taskId: "a", by: "maya", sha: shaOf("a"), permission: "admin" });

    expect(ofType(decision.effects, "merge_task")).toEqual([]);
    expect(ofType(decision.effects, "comment")[0]?.body).toContain("approval.separateApprover");
  });
});

describe("decide: budgets", () => {
  it("stops the workflow with a comment naming the cap instead of calling the model again", () => {
    const tight = config({ limits: { tokensPerIssue: 300 } });

    const decision = run(executing(single, tight).state, [published("a"), red("a")]);

    expect(decision.state.phase).toBe("failed");
    expect(ofType(decision.effects, "run_debugger")).toEqual([]);
    expect(ofType(decision.effects, "comment")[0]?.body).toContain("limits.tokensPerIssue");
  });
});

describe("decide: a CI result while a human is asked", () => {
  const escalatedRed = (): WorkflowState =>
    run(executing(single, config({ qa: { maxFixAttempts: 0 } })).state, [published("a"), red("a")]).state;

  it("ignores the same failure again, and goes on when a re-run of the head turns green", () => {
    const state = escalatedRed();

    expect(decide(state, red("a"), NOW)?.ignored).toBe("a CI result the task already acted on");
    const rerun = step(state, green("a"));
    expect(taskOf(rerun.state, "a")).toMatchObject({ status: "ready", ciResult: { sha: shaOf("a"), conclusion: "success" } });
  });

  it("ignores a green result it already acted on, so a task asked about something else stays with the human", () => {
    const ready = run(executing(single).state, [published("a"), green("a")]).state;
    const task = taskOf(ready, "a");
    const asked: WorkflowState = { ...ready, tasks: { ...ready.tasks, a: { ...task, status: "needs_human", failure: "a conflict" } } };

    expect(decide(asked, green("a"), NOW)?.ignored).toBe("a CI result the task already acted on");
  });
});
