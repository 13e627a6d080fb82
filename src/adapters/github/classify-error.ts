import { GraphqlResponseError } from "@octokit/graphql";
import { RequestError } from "@octokit/request-error";
import { GitHubCallError, GitHubRateLimitError, type GitHubErrorKind } from "../../ports/errors.ts";
import { rateLimitWait } from "./rate-limit.ts";

const SERVER_RETRY_MS = 5_000;

function kindOf(status: number): GitHubErrorKind {
  if (status === 404) return "not_found";
  if (status === 410) return "gone";
  if (status === 409) return "conflict";
  if (status === 422) return "validation";
  if (status === 403) return "forbidden";
  if (status >= 500) return "server";
  return "other";
}

/** GraphQL answers refusals with HTTP 200 and `errors`; each carries a type such as NOT_FOUND. */
function classifyGraphqlError(error: GraphqlResponseError<unknown>, now: number): GitHubCallError {
  const type = error.errors?.[0]?.type;
  const message = `GitHub GraphQL refused the request: ${error.message}`;
  if (type === "RATE_LIMITED") {
    const wait = rateLimitWait(403, { ...error.headers, "x-ratelimit-remaining": "0" }, null, now);
    return new GitHubRateLimitError(message, 200, wait ?? { limit: "primary", ms: 60_000, named: false }, { cause: error });
  }
  const kind: GitHubErrorKind = type === "NOT_FOUND" ? "not_found" : type === "FORBIDDEN" ? "forbidden" : "validation";
  return new GitHubCallError(message, 200, kind, null, { cause: error });
}

/**
 * Octokit's failures as the port's errors, the original kept as `cause`: a rate limit (a 403 or
 * 429 that is one, or GraphQL's RATE_LIMITED) is a `GitHubRateLimitError` with its wait; other
 * statuses map to a kind. Anything that is not an Octokit failure is returned as it is.
 */
export function classifyGitHubError(error: unknown, now = Date.now()): unknown {
  if (error instanceof GitHubCallError) return error;
  if (error instanceof GraphqlResponseError) return classifyGraphqlError(error, now);
  if (!(error instanceof RequestError)) return error;
  const message = `GitHub ${error.request.method} ${error.request.url} failed with ${error.status}: ${error.message}`;
  const wait = rateLimitWait(error.status, error.response?.headers, error.response?.data, now);
  if (wait) return new GitHubRateLimitError(message, error.status, wait, { cause: error });
  const kind = kindOf(error.status);
  return new GitHubCallError(message, error.status, kind, kind === "server" ? SERVER_RETRY_MS : null, { cause: error });
}

/** Runs a GitHub call and rethrows its failure as a classified `GitHubCallError`. */
export async function call<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw classifyGitHubError(error);
  }
}
