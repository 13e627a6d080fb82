import { describe, expect, it } from "vitest";
import { copyWorkflow, seedWorkflows } from "../../../../bench/throughput/seed.ts";
import { SqliteStore } from "../../../../src/store/sqlite/sqlite-store.ts";
import { freshStore, workflowState } from "../../store/store-fixture.ts";

const SOURCE = "acme/stats#1";

describe("copyWorkflow", () => {
  it("moves the state to another issue with its id, and keeps its plan and tasks", () => {
    const source = workflowState(SOURCE);

    const copy = copyWorkflow(source, 42, "Open work 42");

    expect(copy).toEqual({ ...source, id: "acme/calculator#42", issue: 42, issueTitle: "Open work 42", statusCommentId: null });
  });
});

describe("seedWorkflows", () => {
  it("adds a copy of the source on each issue, keeping copies already made", () => {
    const { store, path } = freshStore();
    const source = workflowState(SOURCE);
    store.saveWorkflow(SOURCE, { ...source, ref: { ...source.ref, owner: "acme", repo: "stats" }, issue: 1 }, 0, true);
    const issues = [2, 3, 4].map((number) => ({ number, title: `Open work ${number}` }));

    expect(seedWorkflows({ database: path, sourceId: SOURCE, issues: [] })).toBe(1);
    expect(seedWorkflows({ database: path, sourceId: SOURCE, issues: issues.slice(0, 2) })).toBe(3);
    expect(seedWorkflows({ database: path, sourceId: SOURCE, issues })).toBe(4);

    const reopened = new SqliteStore(path);
    expect(reopened.openWorkflows().map((record) => [record.id, record.state.issue])).toEqual([
      ["acme/stats#1", 1],
      ["acme/stats#2", 2],
      ["acme/stats#3", 3],
      ["acme/stats#4", 4],
    ]);
    reopened.close();
  });

  it("refuses a database without the source workflow open", () => {
    const { store, path } = freshStore();
    store.saveWorkflow("acme/stats#2", workflowState("acme/stats#2"), 0, false);

    expect(() => seedWorkflows({ database: path, sourceId: SOURCE, issues: [] })).toThrow(/no open workflow acme\/stats#1/);
    expect(() => seedWorkflows({ database: path, sourceId: "acme/stats#2", issues: [] })).toThrow(/no open workflow acme\/stats#2/);
  });
});
