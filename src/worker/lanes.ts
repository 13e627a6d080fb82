import type { Lane } from "../store/job-kinds.ts";

export interface LaneLimits {
  /** Short jobs at once. */
  short: number;
  /** Jobs in model work at once, over every installation. */
  model: number;
  /** Jobs in model work at once for one installation (its repositories' owner). */
  modelPerInstallation: number;
}

/**
 * The owner a job key belongs to, as the lease's filter reads it: what comes before the first `/`
 * (`owner/repo#1`, `owner/repo#1/task`), without case. An owner's repositories are all in one
 * installation of the app, so counting by owner counts by installation.
 */
export function ownerOfKey(key: string): string {
  const slash = key.indexOf("/");
  return slash < 0 ? "" : key.slice(0, slash).toLowerCase();
}

interface Waiter {
  owner: string;
  grant: () => void;
}

/**
 * The worker's slots, in memory: short jobs and model work are counted apart, so a short job never
 * waits for a model call to end. A short job that turns to model work (the engineer, the planner, which
 * run in an event's effects) gives its short slot back and waits for a model slot, first come first served.
 */
export class LaneSlots {
  private short = 0;
  private model = 0;
  private readonly byOwner = new Map<string, number>();
  private readonly waiting: Waiter[] = [];
  private readonly limits: LaneLimits;
  constructor(limits: LaneLimits) {
    this.limits = limits;
  }

  /**
   * Whether a job of `lane` may be leased now. A short job turned to model work comes first: no model
   * job is leased while one waits whose installation has a slot free.
   */
  canLease(lane: Lane): boolean {
    if (lane === "short") return this.short < this.limits.short;
    return this.model < this.limits.model && !this.waiting.some((waiter) => this.ownerHasRoom(waiter.owner));
  }

  /** Owners whose model slots are all taken: the model lane's lease skips their jobs. */
  fullOwners(): string[] {
    return [...this.byOwner].filter(([, held]) => held >= this.limits.modelPerInstallation).map(([owner]) => owner);
  }

  /** Counts a leased job's slot. */
  take(lane: Lane, owner: string): void {
    if (lane === "short") this.short += 1;
    else this.takeModel(owner);
  }

  /** Gives a finished job's slot back; a model slot goes to the first waiting job that fits. */
  release(lane: Lane, owner: string): void {
    if (lane === "short") {
      this.short -= 1;
      return;
    }
    this.model -= 1;
    const held = (this.byOwner.get(owner) ?? 1) - 1;
    if (held > 0) this.byOwner.set(owner, held);
    else this.byOwner.delete(owner);
    this.grantWaiting();
  }

  /** A short job turning to model work: its short slot is given back at once, and this resolves once it holds a model slot. */
  toModel(jobOwner: string): Promise<void> {
    const owner = jobOwner.toLowerCase();
    this.short -= 1;
    if (this.waiting.length === 0 && this.fits(owner)) {
      this.takeModel(owner);
      return Promise.resolve();
    }
    return new Promise((grant) => this.waiting.push({ owner, grant }));
  }

  private ownerHasRoom(owner: string): boolean {
    return (this.byOwner.get(owner) ?? 0) < this.limits.modelPerInstallation;
  }

  private fits(owner: string): boolean {
    return this.model < this.limits.model && this.ownerHasRoom(owner);
  }

  private takeModel(owner: string): void {
    this.model += 1;
    this.byOwner.set(owner, (this.byOwner.get(owner) ?? 0) + 1);
  }

  private grantWaiting(): void {
    for (let index = 0; index < this.waiting.length;) {
      const waiter = this.waiting[index];
      if (waiter && this.fits(waiter.owner)) {
        this.waiting.splice(index, 1);
        this.takeModel(waiter.owner);
        waiter.grant();
      } else index += 1;
    }
  }
}
