import { RequestError } from "@octokit/request-error";
import { ProbotOctokit } from "probot";
import { paceWrites, unthrottledGroups } from "./pace-writes.ts";
import { installationAuth, isWrite } from "./request-kinds.ts";
import type { WritePacer } from "./write-pacer.ts";

type Plugin = Parameters<typeof ProbotOctokit.plugin>[0];
type Octokit = Parameters<Plugin>[0];
export type OctokitPlugin = Plugin;

export { isWrite } from "./request-kinds.ts";

/**
 * Writes are not retried inside the HTTP client: a 5xx may come after GitHub did the write, and
 * a blind retry would post a second comment. The job retries instead, through find-or-create.
 */
const noClientRetryForWrites: Plugin = (octokit: Octokit): void => {
  octokit.hook.before("request", (options) => {
    if (isWrite(options)) options.request = { ...options.request, retries: 0 };
  });
};

/**
 * An installation token GitHub no longer accepts (401: expired early, revoked) is dropped from
 * Probot's token cache, which would otherwise keep it for its whole hour, and the call is made once
 * more: the auth hook then asks GitHub for a new token.
 */
const refreshExpiredToken: Plugin = (octokit: Octokit, options: { auth?: unknown }): void => {
  const auth = installationAuth(options.auth);
  if (!auth) return;
  octokit.hook.error("request", async (error, request) => {
    const marks = request.request as { foremanRefreshed?: boolean };
    if (!(error instanceof RequestError) || error.status !== 401 || marks.foremanRefreshed === true || !auth.cache) throw error;
    octokit.log.warn(`GitHub refused the token of installation ${auth.installationId}; asking for a new one`);
    const key = String(auth.installationId);
    if (auth.cache.delete) auth.cache.delete(key);
    else auth.cache.set(key, "");
    return octokit.request({ ...request, request: { ...request.request, foremanRefreshed: true } });
  });
};

/**
 * Probot's Octokit with Foreman's plugins. With the throttle on, `pacer` paces each installation's
 * writes against GitHub's secondary limits (`paceWrites`), in place of the throttling plugin's
 * one-a-second queue, which would also hold GraphQL queries behind writes; against a local sandbox
 * pacing only costs time, so it can be switched off. The options are forced in a function because
 * Probot sets its own `throttle` object on every instance.
 */
export function foremanOctokit(
  throttle: "on" | "off",
  pacer: WritePacer | null = null,
  extra: readonly Plugin[] = [],
): typeof ProbotOctokit {
  const withPlugins = ProbotOctokit.plugin(noClientRetryForWrites, refreshExpiredToken, ...extra);
  if (throttle === "on") {
    const paced = pacer ? withPlugins.plugin(paceWrites(pacer)) : withPlugins;
    const groups = unthrottledGroups();
    return paced.defaults((options: Record<string, unknown>) => ({
      ...options,
      throttle: { ...(options.throttle as object | undefined), ...groups },
    }));
  }
  return withPlugins.defaults((options: Record<string, unknown>) => ({
    ...options,
    throttle: { ...(options.throttle as object | undefined), enabled: false },
  }));
}

/**
 * Probot's options for GitHub: the Octokit class with Foreman's plugins (and `plugins`, e.g. the
 * metrics'), and the API's URL when it is not github.com.
 */
export function githubClientOptions(options: {
  throttle: "on" | "off";
  pacer?: WritePacer | null;
  baseUrl?: string | undefined;
  plugins?: readonly Plugin[];
}): {
  Octokit: typeof ProbotOctokit;
  baseUrl?: string;
} {
  return {
    Octokit: foremanOctokit(options.throttle, options.pacer ?? null, options.plugins),
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
  };
}
