import { describe, expect, it } from "vitest";
import type { WorkflowState } from "../../../src/engine/types.ts";
import type { PullRequestInfo } from "../../../src/ports/github.ts";
import { WRITES_EVENT } from "../../../src/worker/effect-runner.ts";
import type { Intake } from "../../../src/worker/intake.ts";
import { processIntake } from "../../../src/worker/process-intake.ts";
import { executing, planOf, published, run, shaOf } from "../engine/engine-fixtures.ts";
import { fakeDeps, fakeRepo, type FakeRepo } from "./fake-repo.ts";

const REF = { installationId: 1, owner: "Acme", repo: "Calculator" };
const HUMAN_PR = 21;
const HUMAN_SHA = "e".repeat(40);
const GROUP_SHA = "c".repeat(40);

const pullOpened = (deliveryId = "d-1", sha = HUMAN_SHA): Intake => ({
  kind: "pr_not_task",
  ref: REF,
  pr: HUMAN_PR,
  sha,
  baseRef: "main",
  deliveryId,
});

const groupOf = (pr: number): Intake => ({
  kind: "merge_group",
  ref: REF,
  headSha: GROUP_SHA,
  headRef: `refs/heads/gh-readonly-queue/main/pr-${pr}-${"d".repeat(40)}`,
  deliveryId: "g-1",
});

const humanPull = (): PullRequestInfo => ({
  number: HUMAN_PR,
  nodeId: "PR_h",
  headRef: "fix-typo",
  headSha: HUMAN_SHA,
  baseRef: "main",
  state: "open",
  merged: false,
  mergeCommitSha: null,
  body: "",
});

function requiring(checks: string[]): FakeRepo {
  const repo = fakeRepo();
  repo.requiredChecks.main = checks;
  repo.pulls[HUMAN_PR] = humanPull();
  return repo;
}

const passing = (externalId: string, sha: string) => ({
  method: "ensureCheckRun",
  args: [
    {
      sha,
      name: "Foreman",
      externalId,
      status: "completed",
      conclusion: "success",
      title: "Not a Foreman task",
      summary: expect.stringContaining("not a Foreman task") as unknown,
    },
  ],
});

describe("processIntake: the Foreman check on a pull request that is not a task", () => {
  it("passes on its head where the base branch requires the Foreman check", async () => {
    const repo = requiring(["test", "Foreman"]);
    const deps = fakeDeps(repo);

    const routed = await processIntake(deps, pullOpened());

    expect(routed).toBeNull();
    expect(repo.writes).toEqual([passing(`acme/calculator/pull/${HUMAN_PR}`, HUMAN_SHA)]);
  });

  it("writes nothing where the base branch does not require it", async () => {
    const repo = requiring(["test"]);

    await processIntake(fakeDeps(repo), pullOpened());

    expect(repo.writes).toEqual([]);
  });

  it("files the write under the repository in the audit trail, once however often the delivery comes", async () => {
    const repo = requiring(["Foreman"]);
    const deps = fakeDeps(repo);

    await processIntake(deps, pullOpened("d-9"));
    await processIntake(deps, pullOpened("d-9"));

    expect(repo.writes).toHaveLength(1);
    expect(deps.store.events("acme/calculator")).toEqual([
      expect.objectContaining({
        workflowId: "acme/calculator",
        kind: WRITES_EVENT,
        actor: null,
        deliveryId: "d-9",
        data: { effects: [{ type: "report_check", key: `check:acme/calculator/pull/${HUMAN_PR}@${HUMAN_SHA}`, sha: HUMAN_SHA }] },
      }),
    ]);
  });

  it("leaves a head that is also an open task's head to the task: no pass beside the task's own check", async () => {
    const repo = requiring(["Foreman"]);
    const deps = fakeDeps(repo);
    const state: WorkflowState = run(executing(planOf({ id: "a" })).state, [published("a", 10)]).state;
    deps.store.saveWorkflow(state.id, state, 0, true);

    await processIntake(deps, pullOpened("d-1", shaOf("a")));

    expect(repo.writes).toEqual([]);
  });
});

describe("processIntake: the Foreman check on the merge group of a pull request that is not a task", () => {
  it("passes on the group's commit where the base branch requires the Foreman check, filed under the repository", async () => {
    const repo = requiring(["Foreman"]);
    const deps = fakeDeps(repo);

    await processIntake(deps, groupOf(HUMAN_PR));

    expect(repo.writes).toEqual([passing(`acme/calculator/pull/${HUMAN_PR}/merge-group`, GROUP_SHA)]);
    expect(deps.store.events("acme/calculator").map((event) => event.deliveryId)).toEqual(["g-1"]);
  });

  it("writes nothing where the base branch does not require it", async () => {
    const repo = requiring(["test"]);

    await processIntake(fakeDeps(repo), groupOf(HUMAN_PR));

    expect(repo.writes).toEqual([]);
  });

  it("still fails the group of a task that has no approval, required or not", async () => {
    const repo = requiring(["Foreman"]);
    repo.pulls[10] = { ...humanPull(), number: 10, headRef: "foreman/7/a", headSha: shaOf("a") };
    const deps = fakeDeps(repo);
    const state: WorkflowState = run(executing(planOf({ id: "a" })).state, [published("a", 10)]).state;
    deps.store.saveWorkflow(state.id, state, 0, true);

    await processIntake(deps, groupOf(10));

    expect(repo.writes).toEqual([
      { method: "ensureCheckRun", args: [expect.objectContaining({ conclusion: "failure", title: "Not approved" })] },
    ]);
  });
});
