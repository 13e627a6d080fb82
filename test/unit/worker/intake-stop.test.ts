import { describe, expect, it } from "vitest";
import type { WorkflowState } from "../../../src/engine/types.ts";
import type { PullRequestInfo } from "../../../src/ports/github.ts";
import { Intake } from "../../../src/worker/intake.ts";
import { processIntake } from "../../../src/worker/process-intake.ts";
import { config, executing, planOf, published, run, shaOf } from "../engine/engine-fixtures.ts";
import { fakeDeps, fakeRepo } from "./fake-repo.ts";

const REF = { installationId: 1, owner: "Acme", repo: "Calculator" };
const WORKFLOW = "acme/calculator#7";
const PR = 10;

const publishedTask = (): WorkflowState => run(executing(planOf({ id: "a" })).state, [published("a", PR)]).state;

function withWorkflow(state: WorkflowState | null, open = true) {
  const repo = fakeRepo();
  const deps = fakeDeps(repo);
  if (state) deps.store.saveWorkflow(state.id, state, 0, open);
  return { deps, repo };
}

const sender = (login: string) => ({ login, type: login.endsWith("[bot]") ? "Bot" : "User" });

const issueClosed = (how: "closed" | "not_planned" | "deleted", login = "maya", issue = 7): Intake => ({
  kind: "issue_closed",
  ref: REF,
  issue,
  how,
  sender: sender(login),
  deliveryId: "d-1",
});

const prClosed = (login: string, merged = false, headRef = "foreman/7/a"): Intake => ({
  kind: "pr_closed",
  ref: REF,
  pr: PR,
  headRef,
  merged,
  sha: merged ? "m".repeat(40) : shaOf("a"),
  sender: sender(login),
  deliveryId: "d-1",
});

const prReopened = (login: string): Intake => ({
  kind: "pr_reopened",
  ref: REF,
  pr: PR,
  headRef: "foreman/7/a",
  sha: shaOf("a"),
  sender: sender(login),
  deliveryId: "d-1",
});

describe("intake: the issue closed or deleted", () => {
  it.each(["closed", "not_planned", "deleted"] as const)(
    "routes a close (%s) of an issue with an open workflow, naming who",
    async (how) => {
      const { deps, repo } = withWorkflow(publishedTask());

      const routed = await processIntake(deps, issueClosed(how));

      expect(routed).toEqual({ workflowId: WORKFLOW, event: { type: "issue_closed", how, by: "maya" } });
      expect(repo.writes).toEqual([]);
    },
  );

  it("routes nothing for an issue without a workflow, or whose workflow has ended", async () => {
    const none = withWorkflow(null);
    const ended = withWorkflow({ ...publishedTask(), phase: "completed" }, false);

    expect(await processIntake(none.deps, issueClosed("closed"))).toBeNull();
    expect(await processIntake(ended.deps, issueClosed("closed"))).toBeNull();
  });
});

describe("intake: the issue closed by the last task's merge (pullRequests.closesIssue)", () => {
  const closing = (): WorkflowState =>
    run(executing(planOf({ id: "a" }), config({ pullRequests: { closesIssue: true } })).state, [published("a", PR)]).state;

  function pull(merged: boolean): PullRequestInfo {
    const merge = merged ? { state: "closed" as const, mergeCommitSha: "m".repeat(40) } : { state: "open" as const, mergeCommitSha: null };
    return { number: PR, nodeId: "PR_a", headRef: "foreman/7/a", headSha: shaOf("a"), baseRef: "main", merged, body: "", ...merge };
  }

  it("routes the close as the last task's merge when its pull request is merged, though its own webhook has not come", async () => {
    const { deps, repo } = withWorkflow(closing());
    repo.pulls[PR] = pull(true);

    const routed = await processIntake(deps, issueClosed("closed", "foreman[bot]"));

    expect(routed).toEqual({ workflowId: WORKFLOW, event: { type: "task_merged", taskId: "a", sha: "m".repeat(40) } });
  });

  it("routes a close while the last task's pull request is open as a stop", async () => {
    const { deps, repo } = withWorkflow(closing());
    repo.pulls[PR] = pull(false);

    const routed = await processIntake(deps, issueClosed("closed"));

    expect(routed).toEqual({ workflowId: WORKFLOW, event: { type: "issue_closed", how: "closed", by: "maya" } });
  });

  it("reads no pull request for a close as not planned, or without closesIssue", async () => {
    const notPlanned = withWorkflow(closing());
    const without = withWorkflow(publishedTask());

    expect(await processIntake(notPlanned.deps, issueClosed("not_planned"))).toMatchObject({ event: { type: "issue_closed" } });
    expect(await processIntake(without.deps, issueClosed("closed"))).toMatchObject({ event: { type: "issue_closed" } });
  });
});

describe("intake: a task's pull request closed or reopened", () => {
  it("routes a close by someone with the pull request and who closed it", async () => {
    const { deps } = withWorkflow(publishedTask());

    const routed = await processIntake(deps, prClosed("maya"));

    expect(routed).toEqual({ workflowId: WORKFLOW, event: { type: "task_closed", taskId: "a", pr: PR, by: "maya" } });
  });

  it("routes nothing for Foreman's own close, however GitHub cases its login: the workflow already knows", async () => {
    const { deps } = withWorkflow(publishedTask());

    expect(await processIntake(deps, prClosed("foreman[bot]"))).toBeNull();
    expect(await processIntake(deps, prClosed("Foreman[bot]"))).toBeNull();
  });

  it("routes a merge as a merge, whoever merged it", async () => {
    const { deps } = withWorkflow(publishedTask());

    const routed = await processIntake(deps, prClosed("foreman[bot]", true));

    expect(routed).toEqual({ workflowId: WORKFLOW, event: { type: "task_merged", taskId: "a", sha: "m".repeat(40) } });
  });

  it("routes nothing for a branch that is not a task's", async () => {
    const { deps } = withWorkflow(publishedTask());

    expect(await processIntake(deps, prClosed("maya", false, "feature/x"))).toBeNull();
  });

  it("routes a reopen by someone with the head, but not one by Foreman", async () => {
    const { deps } = withWorkflow(publishedTask());

    expect(await processIntake(deps, prReopened("maya"))).toEqual({
      workflowId: WORKFLOW,
      event: { type: "task_reopened", taskId: "a", pr: PR, sha: shaOf("a"), by: "maya" },
    });
    expect(await processIntake(deps, prReopened("foreman[bot]"))).toBeNull();
  });

  it("reads a close queued before the sender was recorded as a close by someone unknown", () => {
    const { sender: _sender, ...old } = prClosed("maya") as Extract<Intake, { kind: "pr_closed" }>;

    expect(Intake.parse(old)).toMatchObject({ kind: "pr_closed", sender: { login: "ghost" } });
  });
});
