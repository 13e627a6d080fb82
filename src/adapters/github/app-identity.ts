import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "pino";
import type { Probot } from "probot";
import { GitHubCallError, GitHubRateLimitError } from "../../ports/errors.ts";
import { call } from "./classify-error.ts";

const ATTEMPTS = 8;

/**
 * The app's own account, `<slug>[bot]`: the author of everything Foreman posts. GitHub failing at
 * start (a 5xx, a rate limit) delays the start, by the wait a rate limit names; a refusal (a bad
 * key, a missing app) ends it at once.
 */
export async function readAppLogin(probot: Probot, log: Logger): Promise<string> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const { data } = await call(async () => (await probot.auth()).rest.apps.getAuthenticated());
      return `${data?.slug ?? "foreman"}[bot]`;
    } catch (error) {
      const refused = error instanceof GitHubCallError && !error.retryable;
      if (refused || attempt >= ATTEMPTS) throw error;
      const waitMs = error instanceof GitHubRateLimitError ? (error.retryAfterMs ?? 60_000) : Math.min(500 * 2 ** attempt, 30_000);
      log.warn({ attempt, waitMs, err: error }, "could not read the app from GitHub; trying again");
      await sleep(waitMs);
    }
  }
}
