import { RequestError } from "@octokit/request-error";
import { ProbotOctokit } from "probot";

type Plugin = Parameters<typeof ProbotOctokit.plugin>[0];
type Octokit = Parameters<Plugin>[0];
export type OctokitPlugin = Plugin;

const READS = new Set(["GET", "HEAD"]);

/** Whether a call changes something on GitHub: any non-GET REST call, and GraphQL mutations. */
export function isWrite(options: { method?: string; url?: string; query?: unknown }): boolean {
  const method = (options.method ?? "GET").toUpperCase();
  if (READS.has(method)) return false;
  if (options.url === "/graphql" || options.url?.endsWith("/graphql"))
    return typeof options.query === "string" && /^\s*mutation\b/.test(options.query);
  return true;
}

/**
 * Writes are not retried inside the HTTP client: a 5xx may come after GitHub did the write, and
 * a blind retry would post a second comment. The job retries instead, through find-or-create.
 */
const noClientRetryForWrites: Plugin = (octokit: Octokit): void => {
  octokit.hook.before("request", (options) => {
    if (isWrite(options)) options.request = { ...options.request, retries: 0 };
  });
};

interface TokenCache {
  get(key: string): unknown;
  set(key: string, value: unknown): unknown;
  delete?: (key: string) => unknown;
}

function installationAuth(auth: unknown): { installationId: number; cache: TokenCache | null } | null {
  if (typeof auth !== "object" || auth === null || !("installationId" in auth)) return null;
  const installationId = Number(auth.installationId);
  const cache =
    "cache" in auth && typeof auth.cache === "object" && auth.cache !== null && "set" in auth.cache ? (auth.cache as TokenCache) : null;
  return Number.isInteger(installationId) ? { installationId, cache } : null;
}

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
 * Probot's Octokit with Foreman's two plugins. Probot spaces writes 1 s apart (3 s for content) to
 * stay under GitHub's secondary limits; against a local sandbox that only costs time, so it can be
 * switched off. The option is forced in a function because Probot sets its own `throttle` object
 * on every instance.
 */
export function foremanOctokit(throttle: "on" | "off", extra: readonly Plugin[] = []): typeof ProbotOctokit {
  const withPlugins = ProbotOctokit.plugin(noClientRetryForWrites, refreshExpiredToken, ...extra);
  if (throttle === "on") return withPlugins;
  return withPlugins.defaults((options: Record<string, unknown>) => ({
    ...options,
    throttle: { ...(options.throttle as object | undefined), enabled: false },
  }));
}

/**
 * Probot's options for GitHub: the Octokit class with Foreman's plugins (and `plugins`, e.g. the
 * metrics'), and the API's URL when it is not github.com.
 */
export function githubClientOptions(options: { throttle: "on" | "off"; baseUrl?: string | undefined; plugins?: readonly Plugin[] }): {
  Octokit: typeof ProbotOctokit;
  baseUrl?: string;
} {
  return { Octokit: foremanOctokit(options.throttle, options.plugins), ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}) };
}
