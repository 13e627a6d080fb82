import { describe, expect, it } from "vitest";
import type { TaskStatus } from "../../../src/domain/task-status.ts";
import type { EngineEvent } from "../../../src/engine/events.ts";
import type { WorkflowState } from "../../../src/engine/types.ts";
import type { Job } from "../../../src/store/store.ts";
import type { Intake } from "../../../src/worker/intake.ts";
import { MERGEABILITY_RECHECKS } from "../../../src/worker/intake/base-moved.ts";
import { processIntake } from "../../../src/worker/process-intake.ts";
import { config, executing, planOf, published, run } from "../engine/engine-fixtures.ts";
import { fakeDeps, fakeRepo, type FakeRepo } from "./fake-repo.ts";

const REF = { installationId: 1, owner: "Acme", repo: "Calculator" };
const BASE = "b".repeat(40);
const pushToMain: Intake = { kind: "base_moved", ref: REF, deliveryId: "push-1", branch: "main", sha: BASE };

/** A workflow with one task per status given, each with its pull request (#10, #11, …). */
function workflowWith(statuses: TaskStatus[]): WorkflowState {
  const ids = statuses.map((_, index) => `t${index}`);
  const state = run(
    executing(planOf(...ids.map((id) => ({ id }))), config({ maxParallelTasks: 10 })).state,
    ids.map((id, index) => published(id, 10 + index)),
  ).state;
  const tasks = Object.fromEntries(ids.map((id, index) => [id, { ...state.tasks[id], status: statuses[index] }]));
  return { ...state, tasks } as WorkflowState;
}

function setUp(repo: FakeRepo, state: WorkflowState) {
  const deps = fakeDeps(repo);
  deps.store.saveWorkflow(state.id, state, 0, true);
  return deps;
}

/** Every job queued, oldest first (whatever its time to run). */
function queued(deps: ReturnType<typeof fakeDeps>): Job[] {
  const jobs: Job[] = [];
  for (
    let job = deps.store.leaseJob("test", Number.MAX_SAFE_INTEGER, 1);
    job;
    job = deps.store.leaseJob("test", Number.MAX_SAFE_INTEGER, 1)
  ) {
    jobs.push(job);
    deps.store.completeJob(job, "test");
  }
  return jobs;
}

const eventOf = (job: Job): EngineEvent | undefined => (job.payload as { event?: EngineEvent }).event;

describe("findConflicts: a push to the default branch, in every task state (G4)", () => {
  it("asks about every open task pull request, busy or not, and reports each that conflicts to its workflow", async () => {
    const statuses: TaskStatus[] = ["ready", "reviewing", "revising", "fixing", "merging", "needs_human", "ci_running"];
    const repo = fakeRepo();
    statuses.forEach((_, index) => (repo.mergeable[10 + index] = index !== statuses.length - 1 ? false : true));
    const deps = setUp(repo, workflowWith(statuses));

    await processIntake(deps, pushToMain);
    const events = queued(deps).map(eventOf);

    expect(events).toEqual(statuses.slice(0, -1).map((_, index) => ({ type: "task_conflicted", taskId: `t${index}`, baseSha: BASE })));
  });

  it("does not ask about a task without an open pull request to compare", async () => {
    const repo = fakeRepo();
    const deps = setUp(repo, workflowWith(["merged", "cancelled"]));

    await processIntake(deps, pushToMain);

    expect(repo.mergeableReads).toEqual({});
  });

  it("looks again later, under a key of its own, at a pull request whose mergeability GitHub is still computing", async () => {
    const repo = fakeRepo();
    repo.mergeable[10] = null;
    repo.mergeable[11] = false;
    const deps = setUp(repo, workflowWith(["ready", "ready"]));

    await processIntake(deps, pushToMain);
    const early = deps.store.leaseJob("test", deps.now() + 1_999, 1);
    const due = deps.store.leaseJob("test", deps.now() + 2_000, 1);
    if (due) deps.store.releaseJob(due, "test", 0);
    const jobs = queued(deps);
    const recheck = jobs.find((job) => job.kind === "intake");

    expect([early, due?.kind]).toEqual([null, "intake"]);
    expect(jobs.filter((job) => job.kind === "event").map(eventOf)).toEqual([{ type: "task_conflicted", taskId: "t1", baseSha: BASE }]);
    expect(recheck).toMatchObject({
      kind: "intake",
      key: `acme/calculator:mergeability:${BASE}:1`,
      payload: { kind: "base_moved", sha: BASE, recheck: { attempt: 1, tasks: ["acme/calculator#7/t0"] } },
    });
  });

  it("asks again only about the pull requests that were unknown, and reports the conflict once GitHub knows it", async () => {
    const repo = fakeRepo();
    repo.mergeable[10] = false;
    repo.mergeable[11] = false;
    const deps = setUp(repo, workflowWith(["ready", "ready"]));

    await processIntake(deps, { ...pushToMain, recheck: { attempt: 1, tasks: ["acme/calculator#7/t0"] } });

    expect(queued(deps).map(eventOf)).toEqual([{ type: "task_conflicted", taskId: "t0", baseSha: BASE }]);
    expect(repo.mergeableReads).toEqual({ 10: 1 });
  });

  it("stops looking after a bounded number of times", async () => {
    const repo = fakeRepo();
    repo.mergeable[10] = null;
    const deps = setUp(repo, workflowWith(["ready"]));

    await processIntake(deps, { ...pushToMain, recheck: { attempt: MERGEABILITY_RECHECKS, tasks: ["acme/calculator#7/t0"] } });

    expect(queued(deps)).toEqual([]);
  });
});
