/**
 * What happened in the sandbox GitHub, in order: every branch move (with who moved it and whether
 * it was forced) and every event GitHub emits (comments as written, edits, reviews, closed and
 * reopened issues and pull requests, labels, merges), whether or not an app subscribes to it and
 * whether or not a delivery fault drops it. Checks of a whole run read it afterwards; nothing in
 * the sandbox acts on it.
 */

/** A branch that was created (`before` null), moved, or deleted (`after` null). */
export interface BranchMoveRecord {
  kind: "branch";
  /** 1-based order among all records of the sandbox. */
  seq: number;
  /** Milliseconds since the epoch. */
  at: number;
  repoId: number;
  branch: string;
  before: string | null;
  after: string | null;
  /** The login that moved it: a user, or an app's bot. */
  sender: string;
  forced: boolean;
}

/** A webhook event as GitHub emitted it, before any delivery fault and without the repository and sender parts. */
export interface EventRecord {
  kind: "event";
  seq: number;
  at: number;
  repoId: number;
  event: string;
  action: string | null;
  sender: string;
  payload: Readonly<Record<string, unknown>>;
}

export type HistoryRecord = BranchMoveRecord | EventRecord;

export class History {
  private readonly list: HistoryRecord[] = [];

  records(): readonly HistoryRecord[] {
    return this.list;
  }

  branchMoved(
    repoId: number,
    move: { branch: string; before: string | null; after: string | null; sender: { login: string }; forced: boolean },
  ): void {
    const { branch, before, after, forced } = move;
    this.list.push({
      kind: "branch",
      seq: this.list.length + 1,
      at: Date.now(),
      repoId,
      branch,
      before,
      after,
      sender: move.sender.login,
      forced,
    });
  }

  event(repoId: number, event: string, sender: { login: string }, payload: Record<string, unknown>): void {
    const action = typeof payload.action === "string" ? payload.action : null;
    this.list.push({ kind: "event", seq: this.list.length + 1, at: Date.now(), repoId, event, action, sender: sender.login, payload });
  }
}
