import { activeItems, keepItems, type Schedule } from "./schedule.ts";

export interface ShrinkResult {
  /** The smallest schedule found that still fails (the original when nothing could be removed). */
  schedule: Schedule;
  replays: number;
  /** Whether any replay failed the same way: a violation that never came back is timing-dependent. */
  reproduced: boolean;
  /** The violations of the last failing replay. */
  violations: string[];
}

/**
 * Delta debugging over a schedule's items: removes chunks of items (halves, then quarters, down to
 * single items) and keeps a removal whenever the replay still fails the same guarantee, within
 * `maxReplays` replays. `fails` replays a schedule and returns the guarantee's violations (empty
 * when it holds).
 */
export async function shrinkSchedule(
  schedule: Schedule,
  fails: (candidate: Schedule) => Promise<string[]>,
  maxReplays: number,
): Promise<ShrinkResult> {
  let current = activeItems(schedule).map(({ index }) => index);
  let replays = 0;
  let reproduced = false;
  let violations: string[] = [];
  let chunk = Math.max(1, Math.ceil(current.length / 2));
  while (replays < maxReplays && current.length > 0) {
    let start = 0;
    while (start < current.length && replays < maxReplays) {
      const candidate = [...current.slice(0, start), ...current.slice(start + chunk)];
      replays += 1;
      const found = await fails(keepItems(schedule, candidate));
      if (found.length > 0) {
        current = candidate;
        reproduced = true;
        violations = found;
      } else start += chunk;
    }
    if (chunk === 1) break;
    chunk = Math.max(1, Math.floor(chunk / 2));
  }
  return { schedule: keepItems(schedule, current), replays, reproduced, violations };
}
