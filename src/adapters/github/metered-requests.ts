import { RequestError } from "@octokit/request-error";
import { isWrite, type OctokitPlugin } from "./foreman-octokit.ts";
import { requestEndpoint } from "./request-endpoint.ts";

type Octokit = Parameters<OctokitPlugin>[0];

/** GitHub's limit as one answer reported it. */
interface RateLimitReading {
  /** `x-ratelimit-resource`: core, graphql, search … */
  resource: string;
  remaining: number;
  limit: number;
}

/** One call to GitHub as metrics see it: its route template, never the concrete URL. */
export interface GitHubCall {
  method: string;
  endpoint: string;
  /** The HTTP status, or `error` when no answer came (a network error, a timeout). */
  status: string;
  write: boolean;
  /** The installation the call was made for, or `app` for the App's own calls. */
  installation: string;
  rateLimit: RateLimitReading | null;
  seconds: number;
}

export type GitHubCallObserver = (call: GitHubCall) => void;

/** Asking for an installation token is a POST, but changes nothing in a repository: a request, not a write. */
const TOKEN_ENDPOINT = "/app/installations/{installation_id}/access_tokens";

type Headers = Record<string, string | number | undefined> | undefined;

function rateLimitOf(headers: Headers): RateLimitReading | null {
  const remaining = Number(headers?.["x-ratelimit-remaining"] ?? Number.NaN);
  const limit = Number(headers?.["x-ratelimit-limit"] ?? Number.NaN);
  if (!Number.isFinite(remaining) || !Number.isFinite(limit)) return null;
  return { resource: String(headers?.["x-ratelimit-resource"] ?? "core"), remaining, limit };
}

function installationOf(auth: unknown): string {
  if (typeof auth !== "object" || auth === null || !("installationId" in auth)) return "app";
  const id = Number(auth.installationId);
  return Number.isInteger(id) ? String(id) : "app";
}

/** Reports every request this Octokit makes (after retries and token refreshes inside it), answered or failed. */
export function meteredRequests(observe: GitHubCallObserver): OctokitPlugin {
  return (octokit: Octokit, options: { auth?: unknown }): void => {
    const installation = installationOf(options.auth);
    octokit.hook.wrap("request", async (request, requestOptions) => {
      const started = performance.now();
      const endpoint = requestEndpoint(requestOptions);
      const method = (requestOptions.method ?? "GET").toUpperCase();
      const base = { method, endpoint, write: isWrite(requestOptions) && endpoint !== TOKEN_ENDPOINT, installation };
      const seconds = (): number => (performance.now() - started) / 1000;
      try {
        const response = await request(requestOptions);
        observe({ ...base, status: String(response.status), rateLimit: rateLimitOf(response.headers), seconds: seconds() });
        return response;
      } catch (error) {
        const headers = error instanceof RequestError ? error.response?.headers : undefined;
        const status = error instanceof RequestError && error.status > 0 ? String(error.status) : "error";
        observe({ ...base, status, rateLimit: rateLimitOf(headers), seconds: seconds() });
        throw error;
      }
    });
  };
}
