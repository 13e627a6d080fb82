import { Writable } from "node:stream";
import { pino } from "pino";
import { describe, expect, it, onTestFinished } from "vitest";
import { WORKFLOW_STATE_VERSION } from "../../../src/engine/stored-state.ts";
import { rebuildWorkflow, statusSnapshot } from "../../../src/reconcile/rebuild.ts";
import { parseStatusMarker } from "../../../src/render/index.ts";
import { parseLeasedJob } from "../../../src/store/job-kinds.ts";
import { SqliteStore } from "../../../src/store/sqlite/sqlite-store.ts";
import { renderStatus } from "../../../src/worker/status-view.ts";
import { FakeGitHub, reconcileWorld } from "../../reliability/reconcile-fixture.ts";
import { BOT, commentFixture, previousReleaseDatabase, rowFixture, type CommentFixture, type RowFixture } from "./previous-release.ts";

/** The state the store reads from the row the same release wrote beside the comment. */
function rowState(name: RowFixture): unknown {
  const store = new SqliteStore(previousReleaseDatabase([rowFixture(name)]));
  onTestFinished(() => store.close());
  return store.getWorkflow(rowFixture(name).id)?.state;
}

function snapshotOf(name: CommentFixture): ReturnType<typeof statusSnapshot> {
  return statusSnapshot([commentFixture(name)], BOT);
}

/** A status comment body whose snapshot envelope says `version`. */
function withEnvelopeVersion(body: string, version: number): string {
  return body.replace(/<!-- foreman:status ([A-Za-z0-9_-]*) -->/, (_marker, encoded: string) => {
    const envelope = JSON.parse(Buffer.from(encoded, "base64url").toString("utf8")) as Record<string, unknown>;
    return `<!-- foreman:status ${Buffer.from(JSON.stringify({ ...envelope, v: version }), "utf8").toString("base64url")} -->`;
  });
}

function warnings(): { log: pino.Logger; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString("utf8"));
      done();
    },
  });
  return { log: pino({ level: "warn" }, sink), lines };
}

describe("status comment snapshots written at state version 1", () => {
  it("reads the snapshot of the release before versions as the state its row holds", () => {
    const found = snapshotOf("status-comment-v1.md");

    expect(parseStatusMarker(commentFixture("status-comment-v1.md").body)?.version).toBe(1);
    expect(found).toMatchObject({ commentId: 9001, writtenAt: 2 });
    expect(found?.snapshot).toEqual(rowState("workflow-v1.json"));
  });

  it("reads a snapshot from before the QA loop with the fields added since at their defaults, as its row", () => {
    const found = snapshotOf("status-comment-v1-before-qa.md");

    expect(found?.snapshot.tasks.view).toMatchObject({ status: "ci_running", risk: "medium", fixAttempts: 0, ownCommits: [] });
    expect(found?.snapshot).toEqual(rowState("workflow-v1-before-qa.json"));
  });

  it("writes snapshots at the newest state version, which read back as the same state", () => {
    const state = snapshotOf("status-comment-v1.md")?.snapshot;
    if (!state) throw new Error("expected the fixture's snapshot to read");

    const body = renderStatus(state);

    expect(parseStatusMarker(body)?.version).toBe(WORKFLOW_STATE_VERSION);
    expect(statusSnapshot([{ ...commentFixture("status-comment-v1.md"), body }], BOT)?.snapshot).toEqual(state);
  });

  it("rebuilds a lost workflow from a version 1 snapshot and stores it at the newest version, work in flight waiting for CI", async () => {
    const { deps, store } = reconcileWorld();
    const found = snapshotOf("status-comment-v1.md");
    if (!found) throw new Error("expected the fixture's snapshot to read");

    const outcome = await rebuildWorkflow(deps, new FakeGitHub(), { installationId: 42, owner: "Acme", repo: "Calculator" }, found);
    const rebuilt = store.getWorkflow("acme/calculator#12");
    const job = store.leaseJob("worker-a", Number.MAX_SAFE_INTEGER, 1_000);

    expect(outcome).toBe("rebuilt");
    expect(rebuilt?.state.tasks.risky).toMatchObject({ status: "ci_running", approvedPermission: "admin", risk: "high" });
    expect(rebuilt?.state.tasks["review-me"]).toMatchObject({ status: "ci_running", reviewRounds: 1 });
    expect(job && parseLeasedJob(job)).toMatchObject({
      kind: "task",
      key: "acme/calculator#12/docs",
      payload: { workflowId: "acme/calculator#12", taskId: "docs", attempt: 1 },
    });
  });
});

describe("status comment snapshots this Foreman cannot read", () => {
  it("passes over a snapshot of a newer state version with a warning, so the workflow starts again from its label", () => {
    const { log, lines } = warnings();
    const comment = commentFixture("status-comment-v1.md");

    const found = statusSnapshot([{ ...comment, body: withEnvelopeVersion(comment.body, WORKFLOW_STATE_VERSION + 1) }], BOT, log);

    expect(found).toBeNull();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("the workflow is rebuilt without it");
    expect(lines[0]).toContain(`was written by a newer Foreman (state version ${WORKFLOW_STATE_VERSION + 1}`);
  });

  it("passes over a snapshot that is not a workflow state", () => {
    const { log, lines } = warnings();
    const comment = commentFixture("status-comment-v1-before-qa.md");
    const body = comment.body.replace(
      /<!-- foreman:status [A-Za-z0-9_-]* -->/,
      `<!-- foreman:status ${Buffer.from(JSON.stringify({ v: 1, snapshot: { id: "x" } })).toString("base64url")} -->`,
    );

    const found = statusSnapshot([{ ...comment, body }], BOT, log);

    expect(found).toBeNull();
    expect(lines.map((line) => line.includes("is not a valid workflow state at version 1"))).toEqual([true]);
  });
});
