import { describe, expect, it } from "vitest";
import type { WorkflowState } from "../../../src/engine/types.ts";
import { taskMarker } from "../../../src/render/index.ts";
import type { Intake } from "../../../src/worker/intake.ts";
import { runJob } from "../../../src/worker/run-job.ts";
import { statusDigest } from "../../../src/worker/status-view.ts";
import { executing, green, NOW, planOf, published, run } from "../engine/engine-fixtures.ts";
import { fakeDeps, fakeRepo, type FakeRepo } from "./fake-repo.ts";

const REF = { installationId: 1, owner: "Acme", repo: "Calculator" };
const PR = 10;

function approveOnTask(deliveryId: string): Intake {
  return {
    kind: "issue_comment",
    ref: REF,
    issue: PR,
    pullRequestBody: `Task a.\n\n${taskMarker({ issue: 7, task: "a", attempt: 1 })}`,
    commentId: 55,
    body: "/approve",
    createdAt: NOW + 1_000,
    sender: { login: "wes", type: "User" },
    deliveryId,
  };
}

async function approveWith(repo: FakeRepo, state: WorkflowState, deliveryId = "d-1"): Promise<string[]> {
  repo.permissions.wes = "maintain";
  const deps = fakeDeps(repo);
  // The status comment shows this state already: only a change of its words edits it.
  deps.store.saveWorkflow(state.id, { ...state, statusCommentId: 900, statusDigest: statusDigest(state) }, 0, true);
  const payload = approveOnTask(deliveryId);
  await runJob(deps, { id: 1, kind: "intake", key: state.id, payload, attempts: 1, waits: 0, leaseToken: 1 });
  return repo.writes.map((write) => `${write.method}:${JSON.stringify(write.args[1] ?? write.args[0])}`);
}

const opened = (): WorkflowState => run(executing(planOf({ id: "a" })).state, [published("a", PR)]).state;

describe("a command's reaction", () => {
  it("is written when the decision shows nothing at once: an /approve while CI runs is kept for the green head", async () => {
    const writes = await approveWith(fakeRepo(), opened());

    expect(writes).toEqual(['react:"+1"']);
  });

  it("is left out when the decision answers visibly: an /approve of a ready head updates its check run and merges", async () => {
    const repo = fakeRepo();
    repo.github.compareCommits = () => Promise.resolve({ mergeBase: "b".repeat(40), aheadBy: 1, behindBy: 0, files: [], commits: [] });
    repo.github.mergePullRequest = (input) => {
      repo.writes.push({ method: "mergePullRequest", args: [input.number] });
      return Promise.resolve({ merged: true, message: "Pull Request successfully merged" });
    };
    const writes = await approveWith(repo, run(opened(), [green("a")]).state);

    expect(writes.map((write) => write.split(":")[0])).toEqual(["ensureCheckRun", "mergePullRequest"]);
  });
});
