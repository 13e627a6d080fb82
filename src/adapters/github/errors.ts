import { GraphqlResponseError } from "@octokit/graphql";
import { RequestError } from "@octokit/request-error";

/** A GitHub call that failed; classified so callers never compare message strings. */
export class GitHubCallError extends Error {
  readonly status: number;
  readonly kind: "not_found" | "conflict" | "validation" | "rate_limited" | "server" | "forbidden" | "other";
  readonly retryAfterMs: number | null;
  constructor(
    message: string,
    status: number,
    kind: "not_found" | "conflict" | "validation" | "rate_limited" | "server" | "forbidden" | "other",
    retryAfterMs: number | null,
  ) {
    super(message);
    this.status = status;
    this.kind = kind;
    this.retryAfterMs = retryAfterMs;
    this.name = "GitHubCallError";
  }

  get retryable(): boolean {
    return this.kind === "rate_limited" || this.kind === "server";
  }
}

function headerValue(headers: Record<string, string | number | undefined> | undefined, name: string): string | undefined {
  const value = headers?.[name];
  return value === undefined ? undefined : String(value);
}

function rateLimitDelay(error: RequestError, now: number): number | null {
  const headers = error.response?.headers;
  const retryAfter = headerValue(headers, "retry-after");
  if (retryAfter !== undefined) return Number(retryAfter) * 1000;
  if (headerValue(headers, "x-ratelimit-remaining") === "0") {
    const reset = Number(headerValue(headers, "x-ratelimit-reset") ?? 0) * 1000;
    return Math.max(reset - now, 1000);
  }
  return null;
}

/** GraphQL answers refusals with HTTP 200 and `errors`; each carries a type such as NOT_FOUND. */
function classifyGraphqlError(error: GraphqlResponseError<unknown>): GitHubCallError {
  const type = error.errors?.[0]?.type;
  const kind: GitHubCallError["kind"] = type === "NOT_FOUND" ? "not_found" : type === "FORBIDDEN" ? "forbidden" : type === "RATE_LIMITED" ? "rate_limited" : "validation";
  return new GitHubCallError(`GitHub GraphQL refused the request: ${error.message}`, 200, kind, kind === "rate_limited" ? 60_000 : null);
}

export function classifyGitHubError(error: unknown, now = Date.now()): unknown {
  if (error instanceof GraphqlResponseError) return classifyGraphqlError(error);
  if (!(error instanceof RequestError)) return error;
  const status = error.status;
  const delay = rateLimitDelay(error, now);
  const kind: GitHubCallError["kind"] =
    (status === 403 || status === 429) && delay !== null
      ? "rate_limited"
      : status === 404
        ? "not_found"
        : status === 409
          ? "conflict"
          : status === 422
            ? "validation"
            : status === 403
              ? "forbidden"
              : status >= 500
                ? "server"
                : "other";
  const retryAfterMs = kind === "rate_limited" ? delay : kind === "server" ? 5_000 : null;
  return new GitHubCallError(`GitHub ${error.request.method} ${error.request.url} failed with ${status}: ${error.message}`, status, kind, retryAfterMs);
}

/** Runs a GitHub call and rethrows its failure as a classified `GitHubCallError`. */
export async function call<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw classifyGitHubError(error);
  }
}

/** A branch no longer points where Foreman left it (someone pushed); Foreman does not write over it. */
export class BranchMovedError extends GitHubCallError {
  readonly branch: string;
  readonly expected: string | null;
  readonly actual: string | null;
  constructor(branch: string, expected: string | null, actual: string | null) {
    super(`branch ${branch} moved: expected ${expected ?? "no branch"}, found ${actual ?? "unknown or no branch"}`, 409, "conflict", null);
    this.branch = branch;
    this.expected = expected;
    this.actual = actual;
    this.name = "BranchMovedError";
  }
}
