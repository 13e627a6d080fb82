import Bottleneck from "bottleneck";
import { RequestError } from "@octokit/request-error";
import type { ProbotOctokit } from "probot";
import { installationAuth, isWrite } from "./request-kinds.ts";
import { rateLimitWait } from "./rate-limit.ts";
import type { WritePacer } from "./write-pacer.ts";

type Plugin = Parameters<typeof ProbotOctokit.plugin>[0];
type Octokit = Parameters<Plugin>[0];

/**
 * Paces an installation client's writes (REST calls other than GET and HEAD, GraphQL mutations)
 * through `pacer`; reads and GraphQL queries go at once. A rate limit GitHub answers with holds the
 * installation's next writes until its end. Calls made as the app itself (no installation) are not paced.
 */
export function paceWrites(pacer: WritePacer): Plugin {
  return (octokit: Octokit, options: { auth?: unknown }): void => {
    const installationId = installationAuth(options.auth)?.installationId;
    if (installationId === undefined) return;
    octokit.hook.before("request", async (request) => {
      if (isWrite(request)) await pacer.acquire(installationId);
    });
    octokit.hook.error("request", (error) => {
      if (error instanceof RequestError) {
        const now = Date.now();
        const wait = rateLimitWait(error.status, error.response?.headers, error.response?.data, now);
        if (wait) pacer.hold(installationId, now + wait.ms);
      }
      throw error;
    });
  };
}

/**
 * `@octokit/plugin-throttling` queues every REST write and every GraphQL call, queries included, in
 * one group per installation, a second apart (3 s for writes that notify). A query costs points of
 * the GraphQL budget, not a content write, and `paceWrites` paces the writes against GitHub's
 * limits, so these groups let everything through. The plugin's other work stays: its answers to
 * `retry-after` and to secondary and primary limits (`onSecondaryRateLimit`, `onRateLimit`).
 */
export function unthrottledGroups(): { write: Bottleneck.Group; notifications: Bottleneck.Group } {
  const open = { maxConcurrent: null, minTime: 0 };
  return { write: new Bottleneck.Group(open), notifications: new Bottleneck.Group(open) };
}
