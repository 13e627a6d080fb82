import { describe, expect, it } from "vitest";
import { decide } from "../../../src/engine/decide.ts";
import type { EngineEvent, RebaseOutcome } from "../../../src/engine/events.ts";
import type { WorkflowState } from "../../../src/engine/types.ts";
import {
  approve,
  config,
  executing,
  green,
  NOW,
  ofType,
  planOf,
  published,
  red,
  run,
  shaOf,
  step,
  taskOf,
  USAGE,
} from "./engine-fixtures.ts";

const single = planOf({ id: "a" });
const BASE = "b".repeat(40);
const conflict: EngineEvent = { type: "task_conflicted", taskId: "a", baseSha: BASE };
const rebased = (outcome: RebaseOutcome): EngineEvent => ({ type: "rebase_done", taskId: "a", outcome, usage: USAGE });
const merge = shaOf("a", 2);

const ready = (): WorkflowState => run(executing(single).state, [published("a"), green("a")]).state;
const reviewing = (): WorkflowState =>
  run(executing(single, config({ qa: { review: { enabled: true } } })).state, [published("a"), green("a")]).state;
const approvedReview = (sha = shaOf("a")): EngineEvent => ({
  type: "review_done",
  taskId: "a",
  sha,
  verdict: "approve",
  summary: "Fine.",
  findings: [],
  usage: USAGE,
});
/** Approved and merging: the merge was asked for but has not happened. */
const merging = (): WorkflowState => step(ready(), approve("a")).state;

describe("decide: a conflict with the moved base, in every task state (G4)", () => {
  it("brings a task at rest up to date at once, and says on its head that it is not offered for /approve", () => {
    const decision = step(ready(), conflict);

    expect(taskOf(decision.state, "a")).toMatchObject({ status: "rebasing", pendingBase: null });
    expect(ofType(decision.effects, "rebase_task")).toEqual([{ type: "rebase_task", taskId: "a" }]);
    expect(ofType(decision.effects, "set_check")).toEqual([
      expect.objectContaining({ sha: shaOf("a"), state: "in_progress", title: "Updating to the base branch" }),
    ]);
  });

  it("keeps a conflict seen during the review, and updates the branch instead of offering it for /approve when the review ends", () => {
    const during = step(reviewing(), conflict);
    const after = step(during.state, approvedReview());

    expect(during.effects).toEqual([]);
    expect(taskOf(during.state, "a")).toMatchObject({ status: "reviewing", pendingBase: BASE });
    expect(taskOf(after.state, "a")).toMatchObject({ status: "rebasing", pendingBase: null });
    expect(ofType(after.effects, "set_check").map((effect) => effect.title)).toEqual(["Updating to the base branch"]);
    expect(ofType(after.effects, "rebase_task")).toHaveLength(1);
    expect(ofType(after.effects, "update_status")).toHaveLength(1);
  });

  it("never merges a head that conflicts: an approval during the review asks for the update, not the merge", () => {
    const approvedDuring = run(reviewing(), [conflict, approve("a")]).state;

    const after = step(approvedDuring, approvedReview());

    expect(ofType(after.effects, "merge_task")).toEqual([]);
    expect(taskOf(after.state, "a").status).toBe("rebasing");
  });

  it("keeps a conflict seen while the debugger works, and deals with it once the fix is pushed", () => {
    const fixing = run(executing(single).state, [published("a"), red("a"), conflict]).state;
    const fixed: EngineEvent = {
      type: "debug_done",
      taskId: "a",
      sha: shaOf("a"),
      outcome: { kind: "fixed", classification: "implementation_bug", diagnosis: "off by one", commitSha: shaOf("a", 3) },
      signature: "sig",
      excerpt: "x",
      usage: USAGE,
    };

    const after = step(fixing, fixed);

    expect(taskOf(after.state, "a")).toMatchObject({ status: "rebasing", headSha: shaOf("a", 3) });
  });

  it("keeps a conflict seen while a human is asked, until the task goes on", () => {
    const escalated = run(ready(), [conflict, rebased({ kind: "human_commits" })]).state;

    const again = step(escalated, conflict);

    expect(again.effects).toEqual([]);
    expect(taskOf(again.state, "a")).toMatchObject({ status: "needs_human", pendingBase: BASE });
  });

  it("ignores a conflict of a task without a pull request or already merged", () => {
    const coding = executing(single).state;

    expect(decide(coding, conflict, NOW)?.ignored).toBe("conflict while the task is coding");
  });
});

describe("decide: the branch brought up to date (G3)", () => {
  it("keeps an approval of the merged head when GitHub merged the base in without conflicts, and merges after CI passes on the merge", () => {
    const rebasing = run(merging(), [{ type: "task_dequeued", taskId: "a", reason: "behind", cause: "behind" }]).state;
    const updated = step(rebasing, rebased({ kind: "committed", commitSha: merge, how: "github" }));
    const green2 = step(updated.state, green("a", merge));

    expect(taskOf(rebasing, "a").status).toBe("rebasing");
    expect(taskOf(updated.state, "a")).toMatchObject({ status: "ci_running", headSha: merge, approvedSha: merge, approvedBy: "maya" });
    expect(ofType(updated.effects, "poll_ci")).toEqual([{ type: "poll_ci", taskId: "a", sha: merge }]);
    expect(ofType(updated.effects, "set_check").map((effect) => [effect.sha, effect.title])).toEqual([
      [shaOf("a"), "Superseded"],
      [merge, "Waiting for CI"],
    ]);
    expect(ofType(green2.effects, "merge_task")).toEqual([{ type: "merge_task", taskId: "a", sha: merge }]);
  });

  it("keeps the approval and the review for Foreman's own clean merge too", () => {
    const approvedInReview = run(reviewing(), [
      approvedReview(),
      approve("a"),
      { type: "task_dequeued", taskId: "a", reason: "x", cause: "conflict" },
    ]).state;

    const updated = step(approvedInReview, rebased({ kind: "committed", commitSha: merge, how: "merged" }));
    const green2 = step(updated.state, green("a", merge));

    expect(taskOf(updated.state, "a")).toMatchObject({ approvedSha: merge, reviewedSha: merge });
    expect(ofType(green2.effects, "run_reviewer")).toEqual([]);
    expect(ofType(green2.effects, "merge_task")).toHaveLength(1);
  });

  it("voids the approval when the coder resolved a conflict, and says which files it wrote again", () => {
    const rebasing = run(merging(), [{ type: "task_dequeued", taskId: "a", reason: "x", cause: "conflict" }]).state;

    const updated = step(rebasing, rebased({ kind: "committed", commitSha: merge, how: "recoded", conflicts: ["README.md"] }));

    expect(taskOf(updated.state, "a")).toMatchObject({ status: "ci_running", headSha: merge, approvedSha: null });
    const [comment, ...others] = ofType(updated.effects, "comment");
    expect(others).toEqual([]);
    expect(comment).toMatchObject({ key: `conflict-recoded-a-${merge}`, on: { taskId: "a" } });
    expect(comment?.body).toContain("`README.md`");
  });

  it("goes back to CI on the same head when the branch already held the base", () => {
    const rebasing = step(ready(), conflict).state;

    const decision = step(rebasing, rebased({ kind: "up_to_date" }));

    expect(taskOf(decision.state, "a")).toMatchObject({ status: "ci_running", headSha: shaOf("a") });
    expect(ofType(decision.effects, "poll_ci")).toEqual([{ type: "poll_ci", taskId: "a", sha: shaOf("a") }]);
  });

  it("hands a branch someone pushed to over to them, on their head", () => {
    const rebasing = step(merging(), { type: "task_dequeued", taskId: "a", reason: "x", cause: "conflict" }).state;

    const decision = step(rebasing, rebased({ kind: "human_commits", sha: shaOf("a", 9) }));

    expect(taskOf(decision.state, "a")).toMatchObject({ status: "needs_human", headSha: shaOf("a", 9), approvedSha: null });
  });

  it("ignores the late push of a commit Foreman made before the current head", () => {
    const rebasing = step(ready(), conflict).state;
    const updated = step(rebasing, rebased({ kind: "committed", commitSha: merge, how: "github" })).state;

    expect(decide(updated, { type: "head_changed", taskId: "a", sha: shaOf("a"), by: "foreman[bot]" }, NOW)?.ignored).toBe(
      "a push of an earlier commit of Foreman's, arriving late",
    );
  });
});

describe("decide: a refused merge, by its cause (G4)", () => {
  const refused = (cause: NonNullable<Extract<EngineEvent, { type: "task_dequeued" }>["cause"]>, reason = "x"): EngineEvent => ({
    type: "task_dequeued",
    taskId: "a",
    reason,
    cause,
  });

  it.each(["conflict", "behind"] as const)("brings the branch up to date on %s, keeping the approval for a clean update", (cause) => {
    const decision = step(merging(), refused(cause));

    expect(taskOf(decision.state, "a")).toMatchObject({ status: "rebasing", approvedSha: shaOf("a") });
  });

  it("leaves a push after the approval to its own event", () => {
    expect(decide(merging(), refused("head_moved"), NOW)?.ignored).toBe(
      "the head moved after the approval; the push decides what comes next",
    );
  });

  it.each([
    ["method", "Merge commits are not allowed on this repository.", "GitHub refused to merge"],
    ["unknown", "Something new", "GitHub refused to merge"],
    ["queue", "MANUAL", "The merge queue removed"],
  ] as const)("on %s, offers the task for a new /approve and says why on the pull request", (cause, reason, words) => {
    const decision = step(merging(), refused(cause, reason));

    expect(taskOf(decision.state, "a")).toMatchObject({ status: "ready", approvedSha: null, failure: null });
    const [comment, ...others] = ofType(decision.effects, "comment");
    expect(others).toEqual([]);
    expect(comment).toMatchObject({ key: `merge-refused-a-${shaOf("a")}-${cause}`, on: { taskId: "a" } });
    expect(comment?.body).toContain(words);
    expect(comment?.body).toContain("`/approve`");
    expect(ofType(decision.effects, "set_check")).toEqual([expect.objectContaining({ title: "Ready for approval" })]);
  });

  it("reads a merge queue's removal by its code", () => {
    const merged = decide(merging(), { type: "task_dequeued", taskId: "a", reason: "ALREADY_MERGED" }, NOW);
    const conflicted = step(merging(), { type: "task_dequeued", taskId: "a", reason: "MERGE_CONFLICT" });

    expect(merged?.ignored).toBe("the merge queue merged the pull request; its close reports the merge");
    expect(taskOf(conflicted.state, "a").status).toBe("rebasing");
  });

  it("never says CI failed for a refused merge", () => {
    const decision = step(merging(), refused("requirements", 'Required status check "build" is expected.'));

    expect(JSON.stringify(decision.effects)).not.toContain("CI failed");
    expect(JSON.stringify(decision.effects)).not.toContain("Removed from the merge queue");
  });
});
