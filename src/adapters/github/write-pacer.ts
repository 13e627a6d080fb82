import { setTimeout as sleep } from "node:timers/promises";
import type { GitHubBudgetPort } from "../../ports/github-budget.ts";

/**
 * How fast one installation may write. GitHub's secondary rate limits allow "no more than 80
 * content-generating requests per minute and no more than 500 content-generating requests per hour"
 * (REST API docs, "Rate limits for the REST API", "About secondary rate limits"); Foreman keeps
 * headroom under both. Its "Best practices for using the REST API" add, under "Pause between
 * mutative requests": "If you are making a large number of POST, PATCH, PUT, or DELETE requests,
 * wait at least one second between each request", which `spacingMs` keeps.
 */
export interface PaceLimits {
  perMinute: number;
  perHour: number;
  spacingMs: number;
}

export const DEFAULT_PACE: PaceLimits = { perMinute: 70, perHour: 450, spacingMs: 1_000 };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** What held a write back: nothing, the spacing between writes, a window's budget, or a limit GitHub answered with. */
export type HeldBy = "none" | "spacing" | "minute" | "hour" | "github";

/**
 * The earliest time, from `now`, that a write may start, given the start times of the writes before
 * it (ascending, reserved ones included) and a time GitHub said to wait until (`notBefore`).
 */
export function nextWriteAt(starts: readonly number[], now: number, limits: PaceLimits, notBefore = 0): { at: number; heldBy: HeldBy } {
  const last = starts.at(-1);
  const candidates: Array<[number, HeldBy]> = [
    [now, "none"],
    [last === undefined ? now : last + limits.spacingMs, "spacing"],
    [(starts.at(-limits.perMinute) ?? -Infinity) + MINUTE, "minute"],
    [(starts.at(-limits.perHour) ?? -Infinity) + HOUR, "hour"],
    [notBefore, "github"],
  ];
  const [at, heldBy] = candidates.reduce((latest, candidate) => (candidate[0] > latest[0] ? candidate : latest));
  return { at, heldBy };
}

export interface PacerClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const REAL_CLOCK: PacerClock = { now: Date.now, sleep: (ms) => sleep(ms) };

interface Installation {
  /** Start times of the writes of the last hour, and of those reserved, ascending. */
  starts: number[];
  /** Until when a limit GitHub answered with holds the writes. */
  notBefore: number;
  /** Until when a window's budget or GitHub's answer holds the writes (spacing alone is not a hold). */
  heldUntil: number;
}

/**
 * Paces each installation's writes under GitHub's secondary limits: a sliding window of a minute and
 * one of an hour, and the spacing between writes. A write reserves its start time at once (so writes
 * go out in the order they asked) and waits until it. Reads are not paced: they count against the
 * primary budget, not the content-creation limits.
 */
export class WritePacer implements GitHubBudgetPort {
  private readonly installations = new Map<number, Installation>();
  private readonly limits: PaceLimits;
  private readonly clock: PacerClock;
  constructor(limits: PaceLimits = DEFAULT_PACE, clock: PacerClock = REAL_CLOCK) {
    this.limits = limits;
    this.clock = clock;
  }

  /** Waits until a write of the installation may start, and counts it. */
  async acquire(installationId: number): Promise<void> {
    const wait = this.reserve(installationId) - this.clock.now();
    if (wait > 0) await this.clock.sleep(wait);
  }

  /** Reserves the next start time of a write of the installation, and counts it. */
  reserve(installationId: number): number {
    const now = this.clock.now();
    const installation = this.installation(installationId, now);
    const { at, heldBy } = nextWriteAt(installation.starts, now, this.limits, installation.notBefore);
    installation.starts.push(at);
    if (heldBy !== "none" && heldBy !== "spacing") installation.heldUntil = Math.max(installation.heldUntil, at);
    return at;
  }

  /** GitHub answered with a limit: no write of the installation starts before `until`. */
  hold(installationId: number, until: number): void {
    const installation = this.installation(installationId, this.clock.now());
    installation.notBefore = Math.max(installation.notBefore, until);
    installation.heldUntil = Math.max(installation.heldUntil, until);
  }

  heldUntil(installationId: number): number | null {
    const held = this.installations.get(installationId)?.heldUntil ?? 0;
    return held > this.clock.now() ? held : null;
  }

  private installation(installationId: number, now: number): Installation {
    const known = this.installations.get(installationId);
    if (known) {
      const expired = known.starts.findIndex((start) => start > now - HOUR);
      known.starts.splice(0, expired < 0 ? known.starts.length : expired);
      return known;
    }
    const fresh: Installation = { starts: [], notBefore: 0, heldUntil: 0 };
    this.installations.set(installationId, fresh);
    return fresh;
  }
}
