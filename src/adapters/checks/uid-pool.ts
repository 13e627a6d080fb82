/**
 * The uids working copies run as when Foreman is root, one per open working copy, so that the
 * processes limit of one counts only its own processes. They must belong to no one on the host.
 */
export class UidPool {
  private readonly base: number;
  private readonly size: number;
  private readonly taken = new Set<number>();

  constructor(base: number, size: number) {
    this.base = base;
    this.size = size;
  }

  /** A free uid, or null when every one is taken. */
  take(): number | null {
    for (let uid = this.base; uid < this.base + this.size; uid += 1) {
      if (this.taken.has(uid)) continue;
      this.taken.add(uid);
      return uid;
    }
    return null;
  }

  give(uid: number): void {
    this.taken.delete(uid);
  }
}
