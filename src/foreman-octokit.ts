import { RequestError } from "@octokit/request-error";
import { ProbotOctokit } from "probot";

type Plugin = Parameters<typeof ProbotOctokit.plugin>[0];
type Octokit = Parameters<Plugin>[0];

const READS = new Set(["GET", "HEAD"]);

/** Whether a call changes something on GitHub: any non-GET REST call, and GraphQL mutations. */
export function isWrite(options: { method?: string; url?: string; query?: unknown }): boolean {
  const method = (options.method ?? "GET").toUpperCase();
  if (READS.has(method)) return false;
  if (options.url === "/graphql" || options.url?.endsWith("/graphql")) return typeof options.query === "string" && /^\s*mutation\b/.test(options.query);
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

/**
 * An installation token GitHub no longer accepts (401: expired early, revoked) is refreshed once
 * and the call made again; the token cache otherwise keeps it for its whole hour.
 */
const refreshExpiredToken: Plugin = (octokit: Octokit, options: { auth?: unknown }): void => {
  const auth = options.auth;
  const installationId = typeof auth === "object" && auth !== null && "installationId" in auth ? Number(auth.installationId) : Number.NaN;
  if (!Number.isInteger(installationId)) return;
  octokit.hook.error("request", async (error, options) => {
    const marks = options.request as { foremanRefreshed?: boolean };
    if (!(error instanceof RequestError) || error.status !== 401 || marks.foremanRefreshed === true) throw error;
    octokit.log.warn(`GitHub refused the token of installation ${installationId}; refreshing it`);
    await octokit.auth({ type: "installation", installationId, refresh: true });
    return octokit.request({ ...options, request: { ...options.request, foremanRefreshed: true } });
  });
};

/**
 * Probot's Octokit with Foreman's two plugins. Probot spaces writes 1 s apart (3 s for content) to
 * stay under GitHub's secondary limits; against a local sandbox that only costs time, so it can be
 * switched off. The option is forced in a function because Probot sets its own `throttle` object
 * on every instance.
 */
export function foremanOctokit(throttle: "on" | "off"): typeof ProbotOctokit {
  const withPlugins = ProbotOctokit.plugin(noClientRetryForWrites, refreshExpiredToken);
  if (throttle === "on") return withPlugins;
  return withPlugins.defaults((options: Record<string, unknown>) => ({
    ...options,
    throttle: { ...(options.throttle as object | undefined), enabled: false },
  }));
}
