/**
 * Open workflows for the memory bench: copies of one real workflow's stored state (left by a run
 * of the app), each on an issue of its own, written through the store's own API.
 */
import { WorkflowId } from "../../src/domain/ids.ts";
import type { WorkflowState } from "../../src/engine/types.ts";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.ts";

/** The source workflow's state moved to issue `issue` (its id with it); its tasks' pull requests stay the source's. */
export function copyWorkflow(source: WorkflowState, issue: number, title: string): WorkflowState {
  return { ...source, id: WorkflowId.toString({ ...source.ref, issue }), issue, issueTitle: title, statusCommentId: null };
}

export interface Seeding {
  /** The database file of the app (stopped while it is seeded). */
  database: string;
  sourceId: string;
  /** Issues the copies go on, one a copy. */
  issues: readonly { number: number; title: string }[];
}

/** Adds a copy of the (open) source workflow for each issue that has none; the open workflows the store then holds. */
export function seedWorkflows(seeding: Seeding): number {
  const store = new SqliteStore(seeding.database);
  try {
    const source = store.getWorkflow(seeding.sourceId);
    if (!source?.open) throw new Error(`the database holds no open workflow ${seeding.sourceId} to copy`);
    for (const issue of seeding.issues) {
      const copy = copyWorkflow(source.state, issue.number, issue.title);
      store.saveWorkflow(copy.id, copy, 0, true);
    }
    return store.openWorkflows().length;
  } finally {
    store.close();
  }
}
