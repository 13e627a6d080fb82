import { waitFor } from "./wait-for.ts";
import type { World } from "./world.ts";

/**
 * The idle rule, the one every run and test follows. A run is **idle** while nothing is in flight
 * on either side: the app reports no pending work, the sandbox GitHub has no background work (CI
 * runs, merge-queue passes) and no webhook delivery waiting to be sent, and no disruption (a crash
 * and restart) is under way. It is **quiet** once it has been idle for the scenario's
 * `expect.quietSeconds` (DEFAULT_QUIET_SECONDS, 2 s, when the file gives none), polled every
 * POLL_MS (200 ms). A run ends once what it waits for holds and it is quiet; a run that stops
 * when stalled (the demo) also ends once idle for STALLED_AFTER_SECONDS while it does not hold.
 *
 * A delivery held back by a `reorder` fault waits for the next delivery to overtake it. It does
 * not keep the run busy: when the run is quiet but for it, it is released, and the run is busy again.
 */
export class QuietClock {
  private idleSince: number | null = null;

  private readonly world: Pick<World, "github" | "appPendingJobs">;
  private readonly busy: () => boolean;
  /** `busy`: more work the caller knows of, such as a disruption under way. */
  constructor(world: Pick<World, "github" | "appPendingJobs">, busy: () => boolean = () => false) {
    this.world = world;
    this.busy = busy;
  }

  /**
   * Looks at the world once: how long it has been idle, in milliseconds (0 when busy). A delivery
   * held back for reordering is released once the run has been idle but for it for `quietMs`.
   */
  idleMs(quietMs: number): number {
    const now = Date.now();
    if (!this.idleButHeld()) {
      this.idleSince = null;
      return 0;
    }
    this.idleSince ??= now;
    const idle = now - this.idleSince;
    if (this.world.github.webhooks.holding() === null) return idle;
    if (idle >= quietMs) {
      this.world.github.webhooks.flushHeld();
      this.idleSince = null;
    }
    return 0;
  }

  /** Idle, leaving aside a delivery held back for reordering. */
  private idleButHeld(): boolean {
    const { github } = this.world;
    const held = github.webhooks.holding();
    const sending = github.webhooks.deliveries().some((delivery) => delivery.status === "pending" && delivery !== held);
    return !sending && github.core.backgroundWork() === 0 && !this.busy() && this.world.appPendingJobs() === 0;
  }
}

/**
 * How long a run that stopWhenQuiet may stay idle while what it waits for does not hold before it
 * is judged as stalled (at least its quiet period): the app may still act on a timer of its own.
 */
export const STALLED_AFTER_SECONDS = 3;

/** The scenario's quiet period in milliseconds. */
export const quietMsOf = (world: Pick<World, "scenario">): number => world.scenario.expect.quietSeconds * 1000;

/** Waits (up to `timeoutMs`) until the run is quiet by the idle rule; true when it is. */
export async function waitQuiet(world: World, timeoutMs: number): Promise<boolean> {
  const clock = new QuietClock(world);
  const quietMs = quietMsOf(world);
  return waitFor(() => clock.idleMs(quietMs) >= quietMs, Date.now() + timeoutMs);
}
