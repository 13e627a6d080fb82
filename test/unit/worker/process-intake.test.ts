import { describe, expect, it } from "vitest";
import type { EngineEvent } from "../../../src/engine/events.ts";
import type { WorkflowState } from "../../../src/engine/types.ts";
import { taskMarker } from "../../../src/render/index.ts";
import type { Intake } from "../../../src/worker/intake.ts";
import { processIntake } from "../../../src/worker/process-intake.ts";
import { WRITES_EVENT } from "../../../src/worker/effect-runner.ts";
import { approve, executing, NOW, planOf, published, run, shaOf, step } from "../engine/engine-fixtures.ts";
import { fakeDeps, fakeRepo, type FakeRepo } from "./fake-repo.ts";

const REF = { installationId: 1, owner: "Acme", repo: "Calculator" };
const WORKFLOW = "acme/calculator#7";
const PR = 10;
/** A live mention: `@` right after something that is not a word character, then a name. */
const MENTION = /(?<![A-Za-z0-9])@[A-Za-z0-9]/;

function withWorkflow(repo: FakeRepo, state: WorkflowState) {
  const deps = fakeDeps(repo);
  deps.store.saveWorkflow(state.id, state, 0, true);
  return deps;
}

const publishedTask = (): WorkflowState => run(executing(planOf({ id: "a" })).state, [published("a", PR)]).state;

function commentOnTask(login: string, body: string, deliveryId = "d-1", createdAt: number | null = NOW + 1_000): Intake {
  return {
    kind: "issue_comment",
    ref: REF,
    issue: PR,
    pullRequestBody: `Task a.\n\n${taskMarker({ issue: 7, task: "a", attempt: 1 })}`,
    commentId: 55,
    body,
    createdAt,
    sender: { login, type: "User" },
    deliveryId,
  };
}

describe("processIntake: answers through the effect runner", () => {
  it("refuses /approve from a reader with a -1 and one comment that names them without a mention", async () => {
    const repo = fakeRepo();
    repo.permissions.rita = "read";
    const deps = withWorkflow(repo, publishedTask());

    const routed = await processIntake(deps, commentOnTask("rita", "/approve"));

    expect(routed).toBeNull();
    expect(repo.writes.map((write) => write.method)).toEqual(["react", "upsertComment"]);
    expect(repo.writes[0]?.args).toEqual([55, "-1"]);
    expect(repo.writes[1]?.args).toEqual([
      {
        issue: PR,
        key: "refused-55",
        knownId: null,
        body: "Foreman ignored `/approve`: @\u200brita has `read` permission; Foreman takes instructions only from users with write, maintain or admin permission.",
      },
    ]);
    expect(JSON.stringify(repo.writes)).not.toMatch(MENTION);
  });

  it("takes a command from its own app however GitHub cases the login, and answers nothing", async () => {
    const repo = fakeRepo();
    repo.permissions["Foreman[bot]"] = "write";
    const deps = withWorkflow(repo, publishedTask());

    const routed = await processIntake(deps, commentOnTask("Foreman[bot]", "/approve"));

    expect(routed).toBeNull();
    expect(repo.writes).toEqual([]);
  });

  it("writes nothing again when the same delivery is processed twice, and audits the writes once", async () => {
    const repo = fakeRepo();
    repo.permissions.rita = "read";
    const deps = withWorkflow(repo, publishedTask());

    await processIntake(deps, commentOnTask("rita", "/approve"));
    await processIntake(deps, commentOnTask("rita", "/approve"));

    expect(repo.writes).toHaveLength(2);
    const audited = deps.store.events(WORKFLOW).filter((event) => event.kind === WRITES_EVENT);
    expect(audited).toEqual([
      expect.objectContaining({
        actor: "rita",
        deliveryId: "d-1",
        data: {
          effects: [
            { type: "react", key: "reaction:55:-1" },
            { type: "post_comment", key: "comment:10:refused-55" },
          ],
        },
      }),
    ]);
  });

  it("closes the task's pull request on /cancel from a writer and routes the task's close, with a +1 for when nothing else answers", async () => {
    const repo = fakeRepo();
    repo.permissions.wes = "write";
    const deps = withWorkflow(repo, publishedTask());

    const routed = await processIntake(deps, commentOnTask("wes", "/cancel"));

    expect(routed).toEqual({
      workflowId: WORKFLOW,
      event: { type: "task_closed", taskId: "a", pr: PR, by: "wes" },
      acknowledge: { type: "react", commentId: 55, content: "+1" },
    });
    expect(repo.writes).toEqual([{ method: "closePullRequest", args: [PR] }]);
  });

  it("binds a writer's /approve to the head the workflow knows", async () => {
    const repo = fakeRepo();
    repo.permissions.wes = "maintain";
    const deps = withWorkflow(repo, publishedTask());

    const routed = await processIntake(deps, commentOnTask("wes", "/approve"));

    expect(routed).toEqual({
      workflowId: WORKFLOW,
      event: { type: "approve_task", taskId: "a", by: "wes", sha: shaOf("a"), permission: "maintain" },
      acknowledge: { type: "react", commentId: 55, content: "+1" },
    });
    expect(repo.writes).toEqual([]);
  });

  it("binds an /approve to nothing when it was written before the workflow learned of its head, and names the head to approve", async () => {
    const repo = fakeRepo();
    repo.permissions.wes = "maintain";
    const pushed: EngineEvent = { type: "head_changed", taskId: "a", sha: shaOf("a", 2), by: "rita" };
    const deps = withWorkflow(repo, step(publishedTask(), pushed, NOW + 5_000).state);

    const routed = await processIntake(deps, commentOnTask("wes", "/approve", "d-1", NOW + 4_000));

    expect(routed).toBeNull();
    expect(repo.writes).toEqual([
      { method: "react", args: [55, "confused"] },
      {
        method: "upsertComment",
        args: [
          expect.objectContaining({
            key: "approval-unbound-55",
            body: expect.stringContaining(`\`/approve ${shaOf("a", 2).slice(0, 12)}\``) as string,
          }),
        ],
      },
    ]);
  });

  it("binds any /approve on a pull request to its first head: no earlier head was ever there to see", async () => {
    const repo = fakeRepo();
    repo.permissions.wes = "maintain";
    const deps = withWorkflow(
      repo,
      step(publishedTask(), { type: "ci_completed", taskId: "a", sha: shaOf("a"), conclusion: "success", summary: "" }, NOW + 5_000).state,
    );

    const routed = await processIntake(deps, commentOnTask("wes", "/approve", "d-1", NOW - 1_000));

    expect(routed?.event).toMatchObject({ type: "approve_task", sha: shaOf("a") });
  });

  it("binds an /approve whose time is unknown to nothing once the head changed", async () => {
    const repo = fakeRepo();
    repo.permissions.wes = "maintain";
    const pushed: EngineEvent = { type: "head_changed", taskId: "a", sha: shaOf("a", 2), by: "rita" };
    const deps = withWorkflow(repo, step(publishedTask(), pushed, NOW + 5_000).state);

    expect(await processIntake(deps, commentOnTask("wes", "/approve", "d-1", null))).toBeNull();
    expect(repo.writes[0]).toEqual({ method: "react", args: [55, "confused"] });
  });

  it("binds /approve <sha> to the head it names, whenever it was written", async () => {
    const repo = fakeRepo();
    repo.permissions.wes = "maintain";
    const deps = withWorkflow(repo, publishedTask());

    const routed = await processIntake(deps, commentOnTask("wes", `/approve ${shaOf("a").slice(0, 7)}`, "d-1", NOW - 1_000));

    expect(routed).toEqual({
      workflowId: WORKFLOW,
      event: { type: "approve_task", taskId: "a", by: "wes", sha: shaOf("a"), permission: "maintain" },
      acknowledge: { type: "react", commentId: 55, content: "+1" },
    });
  });

  it("approves nothing for /approve <sha> naming a commit that is not the head", async () => {
    const repo = fakeRepo();
    repo.permissions.wes = "maintain";
    const deps = withWorkflow(repo, publishedTask());

    expect(await processIntake(deps, commentOnTask("wes", "/approve abcdef1"))).toBeNull();
    expect(repo.writes[1]).toMatchObject({
      method: "upsertComment",
      args: [expect.objectContaining({ body: expect.stringContaining("which is not this pull request's head") as string })],
    });
  });

  it("answers a /retry with nothing to retry with a confused reaction and a comment", async () => {
    const repo = fakeRepo();
    repo.permissions.wes = "write";
    const deps = withWorkflow(repo, publishedTask());

    const routed = await processIntake(deps, commentOnTask("wes", "/retry"));

    expect(routed).toBeNull();
    expect(repo.writes).toEqual([
      { method: "react", args: [55, "confused"] },
      {
        method: "upsertComment",
        args: [
          expect.objectContaining({ key: "nothing-to-retry-55", body: expect.stringContaining("There is nothing to retry") as string }),
        ],
      },
    ]);
  });

  it("refuses a label from a user without write permission with one comment on the issue, before any workflow exists", async () => {
    const repo = fakeRepo();
    repo.permissions.tess = "triage";
    const deps = fakeDeps(repo);
    const intake: Intake = {
      kind: "issue_labeled",
      ref: REF,
      issue: 8,
      issueTitle: "t",
      label: "foreman",
      sender: { login: "tess", type: "User" },
      deliveryId: "d-2",
    };

    const routed = await processIntake(deps, intake);

    expect(routed).toBeNull();
    expect(repo.writes).toEqual([
      {
        method: "upsertComment",
        args: [
          {
            issue: 8,
            key: "refused-label-tess",
            knownId: null,
            body: "Foreman did not start: @\u200btess has `triage` permission; Foreman takes instructions only from users with write, maintain or admin permission. A maintainer can add the `foreman` label instead.",
          },
        ],
      },
    ]);
    expect(deps.store.events("acme/calculator#8").map((event) => event.kind)).toEqual([WRITES_EVENT]);
  });
});

describe("processIntake: the Foreman check on a merge group", () => {
  const GROUP_SHA = "c".repeat(40);
  const group = (): Intake => ({
    kind: "merge_group",
    ref: REF,
    headSha: GROUP_SHA,
    headRef: `refs/heads/gh-readonly-queue/main/pr-${PR}-${"d".repeat(40)}`,
    deliveryId: "d-3",
  });

  function repoWithPull(): FakeRepo {
    const repo = fakeRepo();
    repo.pulls[PR] = {
      number: PR,
      nodeId: "PR_a",
      headRef: "foreman/7/a",
      headSha: shaOf("a"),
      baseRef: "main",
      state: "open",
      merged: false,
      mergeCommitSha: null,
      body: "",
    };
    return repo;
  }

  it("passes for a task approved for its pull request's head, naming the approver without a mention", async () => {
    const repo = repoWithPull();
    const deps = withWorkflow(repo, run(publishedTask(), [approve("a")]).state);

    await processIntake(deps, group());

    expect(repo.writes).toEqual([
      {
        method: "ensureCheckRun",
        args: [
          {
            sha: GROUP_SHA,
            name: "Foreman",
            externalId: `${WORKFLOW}/a/merge-group`,
            status: "completed",
            conclusion: "success",
            title: "Approved",
            summary: `Pull request #${PR} was approved by @\u200bmaya for ${shaOf("a").slice(0, 7)}.`,
          },
        ],
      },
    ]);
  });

  it("fails for a task without an approval for that head", async () => {
    const repo = repoWithPull();
    const deps = withWorkflow(repo, publishedTask());

    await processIntake(deps, group());

    expect(repo.writes).toEqual([
      { method: "ensureCheckRun", args: [expect.objectContaining({ conclusion: "failure", title: "Not approved" })] },
    ]);
  });
});

function reviewOnTask(login: string, state: "approved" | "changes_requested" | "commented", body: string): Intake {
  return {
    kind: "pr_review",
    ref: REF,
    pr: PR,
    headRef: "foreman/7/a",
    body,
    commentId: null,
    review: { state, commitId: shaOf("a") },
    sender: { login, type: "User" },
    deliveryId: "r-1",
  };
}

describe("processIntake: a writer's native review (G1)", () => {
  it("takes an approving review as an approval of the commit it was given on, whatever its text", async () => {
    const repo = fakeRepo();
    repo.permissions.wes = "write";
    const deps = withWorkflow(repo, publishedTask());

    const routed = await processIntake(deps, reviewOnTask("wes", "approved", "LGTM, thanks!"));

    expect(routed).toEqual({
      workflowId: WORKFLOW,
      event: { type: "approve_task", taskId: "a", by: "wes", sha: shaOf("a"), permission: "write" },
    });
  });

  it("sends a review that asks for changes to the coder", async () => {
    const repo = fakeRepo();
    repo.permissions.wes = "write";
    const deps = withWorkflow(repo, publishedTask());

    const routed = await processIntake(deps, reviewOnTask("wes", "changes_requested", "Handle an empty list."));

    expect(routed?.event).toMatchObject({ type: "human_feedback", taskId: "a", by: "wes", body: "Handle an empty list." });
  });

  it("ignores an approving review, text and all, where the repository approves with /approve only", async () => {
    const repo = fakeRepo();
    repo.permissions.wes = "write";
    const task = publishedTask();
    const deps = withWorkflow(repo, { ...task, config: { ...task.config, approval: { ...task.config.approval, nativeReviews: false } } });

    expect(await processIntake(deps, reviewOnTask("wes", "approved", "LGTM, thanks!"))).toBeNull();
  });

  it("ignores an approving review from someone who may not approve", async () => {
    const repo = fakeRepo();
    repo.permissions.rita = "read";
    const deps = withWorkflow(repo, publishedTask());

    expect(await processIntake(deps, reviewOnTask("rita", "approved", ""))).toBeNull();
  });
});
