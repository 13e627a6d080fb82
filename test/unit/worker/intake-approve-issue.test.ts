import { describe, expect, it } from "vitest";
import type { WorkflowState } from "../../../src/engine/types.ts";
import type { Intake } from "../../../src/worker/intake.ts";
import { processIntake } from "../../../src/worker/process-intake.ts";
import { executing, NOW, planned, planOf } from "../engine/engine-fixtures.ts";
import { fakeDeps, fakeRepo, type FakeRepo } from "./fake-repo.ts";

const REF = { installationId: 1, owner: "Acme", repo: "Calculator" };
const WORKFLOW = "acme/calculator#7";
const plan = planOf({ id: "a" });

function withWorkflow(repo: FakeRepo, state: WorkflowState) {
  const deps = fakeDeps(repo);
  deps.store.saveWorkflow(state.id, state, 0, true);
  return deps;
}

function commentOnIssue(login: string, body: string): Intake {
  return {
    kind: "issue_comment",
    ref: REF,
    issue: 7,
    pullRequestBody: null,
    commentId: 66,
    body,
    createdAt: NOW + 2_000,
    sender: { login, type: "User" },
    deliveryId: "d-9",
  };
}

describe("processIntake: /approve on the issue", () => {
  it("approves the plan while it waits, keeping the approver's permission", async () => {
    const repo = fakeRepo();
    repo.permissions.wes = "maintain";
    const deps = withWorkflow(repo, planned(plan).state);

    const routed = await processIntake(deps, commentOnIssue("wes", "/approve"));

    expect(routed).toEqual({
      workflowId: WORKFLOW,
      event: { type: "approve_plan", by: "wes", permission: "maintain" },
      acknowledge: { type: "react", commentId: 66, content: "+1" },
    });
    expect(repo.writes).toEqual([]);
  });

  it("once the tasks run, asks the engine to approve the ready tasks, with when the comment was written and the commit it names", async () => {
    const repo = fakeRepo();
    repo.permissions.wes = "write";
    const deps = withWorkflow(repo, executing(plan).state);

    const plain = await processIntake(deps, commentOnIssue("wes", "/approve"));
    const named = await processIntake(deps, { ...commentOnIssue("wes", "/approve ABCDEF1234"), deliveryId: "d-10" });

    expect(plain).toEqual({
      workflowId: WORKFLOW,
      event: { type: "approve_ready", by: "wes", permission: "write", commentId: 66, writtenAt: NOW + 2_000, named: null },
      acknowledge: { type: "react", commentId: 66, content: "+1" },
    });
    expect(named?.event).toMatchObject({ type: "approve_ready", named: "abcdef1234" });
  });

  it("refuses it from a reader, as any command", async () => {
    const repo = fakeRepo();
    repo.permissions.rita = "read";
    const deps = withWorkflow(repo, executing(plan).state);

    expect(await processIntake(deps, commentOnIssue("rita", "/approve"))).toBeNull();
    expect(repo.writes.map((write) => write.method)).toEqual(["react", "upsertComment"]);
  });
});
