import { setTimeout as sleep } from "node:timers/promises";
import type { Probot } from "probot";
import { GitHubCallError, GitHubRateLimitError } from "../../ports/errors.ts";
import { call } from "./classify-error.ts";

const MAX_WAIT_MS = 30_000;

export interface ReadAppLoginOptions {
  /** Ends the wait for GitHub (a shutdown). */
  signal: AbortSignal;
  /** Each failure that will be tried again, with the wait before the next try. */
  onRetry(error: unknown, waitMs: number, attempt: number): void;
}

/** GitHub failing (a 5xx, a lost connection, a rate limit), which waiting can mend; anything else is a refusal. */
const isTransient = (error: unknown): error is GitHubCallError => error instanceof GitHubCallError && error.retryable;

/**
 * The app's own account, `<slug>[bot]`: the author of everything Foreman posts. GitHub failing
 * (a 5xx, GitHub unreachable, a rate limit) is tried again until it answers, by the wait a rate
 * limit names or a backoff up to 30 s; a refusal (a 401 for a key that is not the App's, a 404)
 * is thrown at once. The client's own retries are off for this call, so each failure is seen (and
 * reported) as it happens.
 */
export async function readAppLogin(probot: Probot, options: ReadAppLoginOptions): Promise<string> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const { data } = await call(async () => (await probot.auth()).rest.apps.getAuthenticated({ request: { retries: 0 } }));
      return `${data?.slug ?? "foreman"}[bot]`;
    } catch (error) {
      if (!isTransient(error)) throw error;
      const waitMs = error instanceof GitHubRateLimitError ? (error.retryAfterMs ?? 60_000) : Math.min(500 * 2 ** attempt, MAX_WAIT_MS);
      options.onRetry(error, waitMs, attempt);
      await sleep(waitMs, undefined, { signal: options.signal });
    }
  }
}
