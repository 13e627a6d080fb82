import { DatabaseSync } from "node:sqlite";
import { describe, expect, it, onTestFinished } from "vitest";
import { StoredRepoConfig } from "../../../src/config/index.ts";
import { decide } from "../../../src/engine/decide.ts";
import type { EngineEvent } from "../../../src/engine/events.ts";
import { UnreadableStateError, WORKFLOW_STATE_VERSION } from "../../../src/engine/stored-state.ts";
import type { WorkflowState } from "../../../src/engine/types.ts";
import { parseLeasedJob } from "../../../src/store/job-kinds.ts";
import { SqliteStore } from "../../../src/store/sqlite/sqlite-store.ts";
import type { WorkflowRecord } from "../../../src/store/store.ts";
import { previousReleaseDatabase, rawWorkflowColumn, rowFixture, storedJson, type WorkflowRow } from "./previous-release.ts";

const NOW = 1_700_100_000_000;

function openStore(path: string): SqliteStore {
  const store = new SqliteStore(path, () => NOW);
  onTestFinished(() => store.close());
  return store;
}

function read(store: SqliteStore, id: string): WorkflowRecord {
  const record = store.getWorkflow(id);
  if (!record) throw new Error(`expected workflow ${id} to be stored`);
  return record;
}

function step(state: WorkflowState, event: EngineEvent): WorkflowState {
  const decision = decide(state, event, NOW);
  if (!decision || decision.ignored) throw new Error(`the engine did not act on ${event.type}: ${decision?.ignored ?? "no decision"}`);
  return decision.state;
}

const current = rowFixture("workflow-v1.json");
const beforeQa = rowFixture("workflow-v1-before-qa.json");

/** A stored state with the task fields later versions added, and the config keys added since, at their defaults. */
function withFieldsAddedSince(stored: unknown): unknown {
  const state = stored as { tasks: Record<string, object>; config: object };
  const tasks = Object.fromEntries(
    Object.entries(state.tasks).map(([id, task]) => [
      id,
      {
        ...task,
        headSeenAt: null,
        pendingBase: null,
        ciResult: null,
        diagnoses: [],
        approvedWithPlan: false,
        headKnownAt: null,
        humanCommits: false,
        awaiting: null,
      },
    ]),
  );
  const defaults = StoredRepoConfig.parse({});
  const config = state.config as { approval: object };
  const approval = { ...config.approval, nativeReviews: defaults.approval.nativeReviews, tasks: defaults.approval.tasks };
  const added = { agents: defaults.agents, checks: defaults.checks, pullRequests: defaults.pullRequests };
  return {
    ...state,
    config: { ...state.config, approval, ...added },
    pullRequestTitles: "plain",
    planApprover: null,
    statusDigest: null,
    tasks,
  };
}

describe("workflow rows written at state version 1", () => {
  it("reads a row of the release before versions with every field it stored, open and at its row version", () => {
    const store = openStore(previousReleaseDatabase([current]));

    const record = read(store, current.id);

    expect(record).toMatchObject({ id: "acme/calculator#12", version: 1, open: true });
    expect(record.state).toEqual(withFieldsAddedSince(storedJson(current)));
    expect(Object.values(record.state.tasks).map((task) => [task.id, task.status])).toEqual([
      ["core", "merged"],
      ["parse", "ci_running"],
      ["review-me", "revising"],
      ["risky", "merging"],
      ["flaky", "needs_human"],
      ["docs", "coding"],
    ]);
    expect(record.state.tasks.parse).toMatchObject({
      fixAttempts: 1,
      classifications: ["implementation_bug"],
      lastSignature: "sig-parse",
      lastError: "AssertionError: 1 !== 2",
    });
    expect(record.state.tasks["review-me"]).toMatchObject({
      reviewRounds: 1,
      reviewVerdict: "request_changes",
      findingSignatures: ["src/review-me.ts:3: no test for negatives"],
    });
    expect(record.state.tasks.risky).toMatchObject({
      risk: "high",
      riskReasons: ["touches .github/workflows"],
      approvedBy: "lead",
      approvedPermission: "admin",
    });
  });

  it("gives a row from before the QA loop the task fields added since, starting empty, with the plan's declared risk", () => {
    const store = openStore(previousReleaseDatabase([beforeQa]));

    const state = read(store, beforeQa.id).state;

    expect(state.fixAttemptsTotal).toBe(0);
    expect(state.config.approval).toEqual({ separateApprover: false, highRiskApprovers: [], nativeReviews: true, tasks: "each" });
    expect(state.tasks.view).toMatchObject({
      status: "ci_running",
      headSha: "view000000000000000000000000000000000001",
      headSeenAt: null,
      risk: "medium",
      riskReasons: [],
      approvedPermission: null,
      fixAttempts: 0,
      classifications: [],
      reviewRounds: 0,
      findingSignatures: [],
      ownCommits: [],
      retryContext: null,
      usage: { promptTokens: 0, completionTokens: 0, costUsd: 0, modelCalls: 0 },
    });
    expect(state.tasks.model).toMatchObject({ status: "merged", risk: "low", approvedBy: "sam", mergedAt: 1_690_000_480_000 });
  });

  it("reads a row whose config holds a protected path the config check now refuses, as it was accepted then", () => {
    const state = { ...(storedJson(current) as Record<string, unknown>) };
    state.config = { ...(state.config as Record<string, unknown>), protectedPaths: ["infra/", "[z-a]"] };
    const row = { ...current, state: JSON.stringify(state) };
    const store = openStore(previousReleaseDatabase([row]));

    const record = read(store, current.id);

    expect(record.state.config.protectedPaths).toEqual(["infra/", "[z-a]"]);
  });

  it("writes a migrated row back at the newest state version, and reads it back the same", () => {
    const path = previousReleaseDatabase([current, beforeQa]);
    const store = openStore(path);
    const migrated = [read(store, current.id), read(store, beforeQa.id)];

    const saved = migrated.map((record) => store.saveWorkflow(record.id, record.state, record.version, record.open));

    expect(saved).toEqual([true, true]);
    expect(WORKFLOW_STATE_VERSION).toBe(6);
    expect(migrated.map((record) => rawWorkflowColumn(path, record.id, "state_version"))).toEqual([
      WORKFLOW_STATE_VERSION,
      WORKFLOW_STATE_VERSION,
    ]);
    expect(migrated.map((record) => read(store, record.id))).toEqual(migrated.map((record) => ({ ...record, version: 2 })));
  });

  it("runs the engine on a migrated row: CI green on a task's fixed head goes to the reviewer", () => {
    const store = openStore(previousReleaseDatabase([current]));
    const record = read(store, current.id);
    const head = record.state.tasks.parse?.headSha ?? "";

    const next = step(record.state, {
      type: "ci_completed",
      taskId: "parse",
      sha: head,
      conclusion: "success",
      summary: "2 check(s) passed.",
    });
    const saved = store.saveWorkflow(record.id, next, record.version, true);

    expect(saved).toBe(true);
    expect(read(store, record.id).state.tasks.parse).toMatchObject({ status: "reviewing", headSha: head, fixAttempts: 1 });
  });

  it("runs the QA loop on a task stored before it existed, counting from the defaults", () => {
    const store = openStore(previousReleaseDatabase([beforeQa]));
    const { state } = read(store, beforeQa.id);
    const head = "view000000000000000000000000000000000001";
    const fix = "view000000000000000000000000000000000002";

    const red = step(state, { type: "ci_completed", taskId: "view", sha: head, conclusion: "failure", summary: "Failing checks:\n- test" });
    const usage = { promptTokens: 1, completionTokens: 1, costUsd: 0.001, modelCalls: 1 };
    const outcome = { kind: "fixed" as const, classification: "implementation_bug", diagnosis: "off by one", commitSha: fix };
    const fixed = step(red, {
      type: "debug_done",
      taskId: "view",
      sha: head,
      outcome,
      signature: "sig-1",
      excerpt: "AssertionError",
      usage,
    });

    expect(red.tasks.view?.status).toBe("fixing");
    expect(fixed.tasks.view).toMatchObject({
      status: "ci_running",
      headSha: fix,
      fixAttempts: 1,
      classifications: ["implementation_bug"],
      ownCommits: [fix],
    });
    expect(fixed.fixAttemptsTotal).toBe(1);
    expect(store.saveWorkflow(beforeQa.id, fixed, 1, true)).toBe(true);
  });

  it("keeps the jobs the previous release queued, and reads them as their kind", () => {
    const event = { workflowId: current.id, event: { type: "approve_plan", by: "maya" } };
    const path = previousReleaseDatabase([current], [{ kind: "event", key: current.id, payload: JSON.stringify(event) }]);
    const store = openStore(path);

    const job = store.leaseJob("worker-a", NOW, 60_000);

    expect(job && parseLeasedJob(job)).toMatchObject({ kind: "event", key: current.id, attempts: 1, payload: event });
  });
});

/** A database with `row` (holding `state`) at state version `version`, as a newer (or a broken) writer would leave it. */
function storeWithRow(row: WorkflowRow, version: number, state = row.state): SqliteStore {
  const path = previousReleaseDatabase([{ ...row, state }]);
  new SqliteStore(path).close();
  const db = new DatabaseSync(path);
  db.prepare("UPDATE workflows SET state_version = ? WHERE id = ?").run(version, row.id);
  db.close();
  return openStore(path);
}

/** The fields state version 5 added, as a state of version 4 (the release before them) was stored without them. */
const ADDED_IN_5 = {
  workflow: ["planApprover", "pullRequestTitles"],
  task: ["approvedWithPlan", "headKnownAt", "humanCommits", "awaiting"],
};

function asVersion4(state: WorkflowState): string {
  const stripped = Object.fromEntries(Object.entries(state).filter(([key]) => !ADDED_IN_5.workflow.includes(key)));
  const tasks = Object.fromEntries(
    Object.entries(state.tasks).map(([id, task]) => [
      id,
      Object.fromEntries(Object.entries(task).filter(([key]) => !ADDED_IN_5.task.includes(key))),
    ]),
  );
  return JSON.stringify({ ...stripped, tasks });
}

describe("workflow rows written at state version 4", () => {
  it("reads them with the fields added since at their defaults: no plan approval, plain titles, no waiting merge", () => {
    const migrated = read(openStore(previousReleaseDatabase([current])), current.id).state;
    const store = storeWithRow(current, 4, asVersion4(migrated));

    const { state } = read(store, current.id);

    expect(state).toEqual(migrated);
    expect(state).toMatchObject({ planApprover: null, pullRequestTitles: "plain" });
    expect(Object.values(state.tasks).map((task) => [task.approvedWithPlan, task.humanCommits, task.awaiting])).toEqual(
      Object.values(state.tasks).map(() => [false, false, null]),
    );
  });
});

describe("workflow rows this Foreman cannot read", () => {
  it("refuses a row of a newer state version with an error that says to upgrade, and leaves it out of the open ones", () => {
    const store = storeWithRow(current, WORKFLOW_STATE_VERSION + 1);

    expect(() => store.getWorkflow(current.id)).toThrow(UnreadableStateError);
    expect(() => store.getWorkflow(current.id)).toThrow(
      /workflow acme\/calculator#12 was written by a newer Foreman \(state version 7; this one reads up to 6\): upgrade/,
    );
    expect(store.openWorkflows()).toEqual([]);
  });

  it("refuses a row whose state is not a workflow state, naming the field", () => {
    const broken = JSON.stringify({ ...(storedJson(current) as object), phase: "dreaming" });
    const store = storeWithRow(current, 1, broken);

    expect(() => store.getWorkflow(current.id)).toThrow(
      /workflow acme\/calculator#12 is not a valid workflow state at version 1:[\s\S]*phase/,
    );
  });
});

describe("workflow rows written at state version 5", () => {
  it("reads them with no digest of the status comment, so that its next edit is made", () => {
    const migrated = read(openStore(previousReleaseDatabase([current])), current.id).state;
    const { statusDigest: _statusDigest, ...version5 } = { ...migrated, statusDigest: "shown-before" };
    const store = storeWithRow(current, 5, JSON.stringify(version5));

    const { state } = read(store, current.id);

    expect(state).toEqual({ ...migrated, statusDigest: null });
  });
});
