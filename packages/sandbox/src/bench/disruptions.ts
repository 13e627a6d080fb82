import { seededRandom } from "../github/random.ts";
import { waitFor } from "../run/wait-for.ts";
import type { World } from "../run/world.ts";

/** When to kill the app: this long after the run began, or once the sandbox has sent this many webhooks. */
export type KillPoint = { afterMs: number } | { afterDeliveries: number };

export interface Disruption {
  /** SIGKILL and restart, or SIGKILL, delete the database and restart. */
  kind: "kill" | "lose_database";
  at: KillPoint;
}

export interface DisruptionRecord {
  kind: Disruption["kind"];
  at: string;
  /** Milliseconds into the run when it happened; null when the run finished first. */
  firedAtMs: number | null;
}

function describePoint(point: KillPoint): string {
  return "afterMs" in point ? `${point.afterMs} ms` : `webhook #${point.afterDeliveries}`;
}

/**
 * Seeded crash points spread over a run as long as the baseline: each run gets one to
 * `maxPerRun` kills, each after a time or after a webhook delivery, in order.
 */
export function crashPlans(seed: number, runs: number, baseline: { ms: number; deliveries: number }, maxPerRun = 3): Disruption[][] {
  const random = seededRandom(seed);
  return Array.from({ length: runs }, () => {
    const kills = 1 + Math.floor(random() * maxPerRun);
    // Early enough that a kill comes before the run's end: a run without a kill can be quicker than the baseline.
    const points: KillPoint[] = Array.from({ length: kills }, () =>
      random() < 0.5
        ? { afterMs: Math.round(300 + random() * baseline.ms * 0.6) }
        : { afterDeliveries: 1 + Math.floor(random() * Math.max(Math.floor(baseline.deliveries * 0.7) - 1, 1)) },
    );
    return points.map((at) => ({ kind: "kill" as const, at }));
  });
}

function due(world: World, point: KillPoint, startedAt: number): boolean {
  return "afterMs" in point ? Date.now() - startedAt >= point.afterMs : world.github.webhooks.deliveries().length >= point.afterDeliveries;
}

/** Disruptions firing beside a run. */
export interface DisruptionRun {
  /** A crash and restart is under way: the app is down, so the run is not idle. */
  underWay(): boolean;
  /** Fires nothing more; resolves with what fired when, once a crash under way is over. */
  stop(): Promise<DisruptionRecord[]>;
}

/** Fires the disruptions in order, each when its point is due, until stopped. */
export function startDisruptions(world: World, plan: Disruption[], startedAt: number): DisruptionRun {
  const records: DisruptionRecord[] = plan.map((item) => ({ kind: item.kind, at: describePoint(item.at), firedAtMs: null }));
  let running = true;
  let crashing = false;
  const fire = async (): Promise<void> => {
    for (const [index, item] of plan.entries()) {
      await waitFor(() => !running || due(world, item.at, startedAt), Number.POSITIVE_INFINITY, 50);
      if (!running) return;
      crashing = true;
      await world.crashApp(item.kind === "lose_database").finally(() => {
        crashing = false;
      });
      const record = records[index];
      if (record) record.firedAtMs = Date.now() - startedAt;
    }
  };
  const fired = fire();
  // A failed restart is reported by stop(); until then it must not count as an unhandled rejection.
  fired.catch(() => undefined);
  return {
    underWay: () => crashing,
    async stop() {
      running = false;
      await fired;
      return records;
    },
  };
}
