import type { SandboxStore } from "../state/store.ts";
import type { MergeQueueEntry } from "../state/types.ts";
import type { MergeGroup } from "./group.ts";

/**
 * The merge queue's bookkeeping next to the store's entries: the order (a jumped entry goes
 * first), the group each entry is being tested in, and group branches left to delete.
 */
export class QueueBook {
  private readonly groups = new Map<number, MergeGroup>();
  private readonly sortKeys = new Map<number, number>();
  private readonly orphans = new Map<number, Map<string, string>>();
  private readonly store: SandboxStore;

  constructor(store: SandboxStore) {
    this.store = store;
  }

  add(entry: MergeQueueEntry, jump: boolean): void {
    const keys = this.ordered(entry.repoId, entry.baseRef).map((queued) => this.sortKeyOf(queued));
    this.sortKeys.set(entry.id, jump && keys.length > 0 ? Math.min(...keys) - 1 : entry.id);
    this.store.queueEntries.set(entry.id, entry);
  }

  /** Takes an entry out of the queue; its group branch, if any, is left for deletion. */
  remove(entry: MergeQueueEntry): MergeGroup | undefined {
    const group = this.clearGroup(entry);
    this.store.queueEntries.delete(entry.id);
    this.sortKeys.delete(entry.id);
    return group;
  }

  isQueued(entry: MergeQueueEntry): boolean {
    return this.store.queueEntries.get(entry.id) === entry;
  }

  ordered(repoId: number, baseRef: string): MergeQueueEntry[] {
    return this.store.queueOf(repoId, baseRef).sort((a, b) => this.sortKeyOf(a) - this.sortKeyOf(b));
  }

  /** 1-based, as GitHub reports `MergeQueueEntry.position`. */
  position(entry: MergeQueueEntry): number {
    return this.ordered(entry.repoId, entry.baseRef).findIndex((queued) => queued.id === entry.id) + 1;
  }

  entryFor(repoId: number, pullNumber: number): MergeQueueEntry | undefined {
    return [...this.store.queueEntries.values()].find((entry) => entry.repoId === repoId && entry.pullNumber === pullNumber);
  }

  groupOf(entry: MergeQueueEntry): MergeGroup | undefined {
    return this.groups.get(entry.id);
  }

  /** Groups of entries removed from the store behind the queue's back; they are forgotten here. */
  abandonedGroups(repoId: number): MergeGroup[] {
    const abandoned: MergeGroup[] = [];
    for (const [entryId, group] of this.groups) {
      if (group.repoId !== repoId || this.store.queueEntries.has(entryId)) continue;
      this.groups.delete(entryId);
      this.sortKeys.delete(entryId);
      this.orphan(repoId, group.branch, group.sha);
      abandoned.push(group);
    }
    return abandoned;
  }

  setGroup(entry: MergeQueueEntry, group: MergeGroup): void {
    this.groups.set(entry.id, group);
    this.orphans.get(entry.repoId)?.delete(group.branch);
    entry.groupSha = group.sha;
    entry.groupRef = `refs/heads/${group.branch}`;
    entry.state = "AWAITING_CHECKS";
  }

  clearGroup(entry: MergeQueueEntry): MergeGroup | undefined {
    const group = this.groups.get(entry.id);
    if (!group) return undefined;
    this.groups.delete(entry.id);
    this.orphan(entry.repoId, group.branch, group.sha);
    entry.groupSha = null;
    entry.groupRef = null;
    entry.state = "QUEUED";
    return group;
  }

  /** Leaves a group branch for deletion (unless a rebuilt group takes the name again first). */
  orphan(repoId: number, branch: string, sha: string): void {
    const orphans = this.orphans.get(repoId) ?? new Map<string, string>();
    orphans.set(branch, sha);
    this.orphans.set(repoId, orphans);
  }

  /** Group branches no entry uses any more, with the commit each pointed at. */
  takeOrphans(repoId: number): Array<[branch: string, sha: string]> {
    const orphans = [...(this.orphans.get(repoId) ?? [])];
    this.orphans.delete(repoId);
    return orphans;
  }

  private sortKeyOf(entry: MergeQueueEntry): number {
    return this.sortKeys.get(entry.id) ?? entry.id;
  }
}
