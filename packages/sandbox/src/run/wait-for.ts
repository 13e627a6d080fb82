import { setTimeout as sleep } from "node:timers/promises";

/** How often a run looks at the world: the app's pending work, the sandbox's state, a step's condition. */
export const POLL_MS = 200;

/**
 * Polls `check` until it holds or `deadline` (a `Date.now()` value) has passed; true when it held.
 * The check is asked once more at the deadline, so a condition that became true during the last
 * poll interval still counts. The one polling helper of the sandbox and its tests.
 */
export async function waitFor(check: () => boolean | Promise<boolean>, deadline: number, pollMs = POLL_MS): Promise<boolean> {
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(Math.max(0, Math.min(pollMs, deadline - Date.now())));
  }
  return check();
}
