import { describe, expect, it } from "vitest";
import type { TaskRecord } from "../../../src/engine/types.ts";
import type { PullRequestInfo } from "../../../src/ports/github.ts";
import { taskDrift } from "../../../src/reconcile/task-drift.ts";
import { approve, executing, green, planOf, published, shaOf, step, taskOf } from "../engine/engine-fixtures.ts";
import { fakeRepo } from "../worker/fake-repo.ts";

const PR = 10;

/** A task approved for its head whose merge waits on a review the base branch's rules want. */
function waitingTask(): TaskRecord {
  const ready = step(step(executing(planOf({ id: "a" })).state, published("a", PR)).state, green("a")).state;
  const merging = step(ready, approve("a")).state;
  const waiting = step(merging, { type: "task_dequeued", taskId: "a", reason: "an approving review", cause: "requirements" }).state;
  return taskOf(waiting, "a");
}

const pull: PullRequestInfo = {
  number: PR,
  nodeId: "PR_1",
  headRef: "foreman/1-a",
  headSha: shaOf("a"),
  baseRef: "main",
  state: "open",
  merged: false,
  mergeCommitSha: null,
  body: "",
};

describe("the reconciler, for a task waiting on the base branch's rules", () => {
  it("tries the merge again once the review is given, though its webhook was missed", async () => {
    const repo = fakeRepo();
    repo.requirements[PR] = { reviewDecision: "APPROVED", codeOwners: [] };

    expect(await taskDrift(repo.github, waitingTask(), pull)).toEqual({ type: "requirements_changed", taskId: "a" });
  });

  it("leaves it waiting while the review is still missing", async () => {
    const repo = fakeRepo();
    repo.requirements[PR] = { reviewDecision: "REVIEW_REQUIRED", codeOwners: ["alice"] };

    expect(await taskDrift(repo.github, waitingTask(), pull)).toBeNull();
  });
});
