/** Why a GitHub call failed, in the words the job runner decides on. */
export type GitHubErrorKind = "not_found" | "gone" | "conflict" | "validation" | "rate_limited" | "server" | "forbidden" | "other";

/** A GitHub call that failed; classified so callers never compare message strings. The adapter's original error is the `cause`. */
export class GitHubCallError extends Error {
  readonly status: number;
  readonly kind: GitHubErrorKind;
  /** How long to wait before trying again, when the failure says so. */
  readonly retryAfterMs: number | null;
  constructor(message: string, status: number, kind: GitHubErrorKind, retryAfterMs: number | null, options?: { cause?: unknown }) {
    super(message, options);
    this.status = status;
    this.kind = kind;
    this.retryAfterMs = retryAfterMs;
    this.name = "GitHubCallError";
  }

  get retryable(): boolean {
    return this.kind === "rate_limited" || this.kind === "server";
  }
}

/**
 * GitHub asked Foreman to slow down (a 403 or 429 that is a rate limit, or a GraphQL RATE_LIMITED):
 * always retryable, never a refusal. `retryAfterMs` is the wait GitHub named (`retry-after`, or the
 * primary limit's reset); for a secondary limit that named none it is a floor of a minute, and
 * `waitNamed` is false so that the caller waits longer each time the limit comes back.
 */
export class GitHubRateLimitError extends GitHubCallError {
  readonly limit: "primary" | "secondary";
  readonly waitNamed: boolean;
  constructor(
    message: string,
    status: number,
    wait: { limit: "primary" | "secondary"; ms: number; named: boolean },
    options?: { cause?: unknown },
  ) {
    super(message, status, "rate_limited", wait.ms, options);
    this.limit = wait.limit;
    this.waitNamed = wait.named;
    this.name = "GitHubRateLimitError";
  }
}

/** A branch no longer points where Foreman left it (someone pushed); Foreman does not write over it. */
export class BranchMovedError extends GitHubCallError {
  readonly branch: string;
  readonly expected: string | null;
  readonly actual: string | null;
  constructor(branch: string, expected: string | null, actual: string | null, options?: { cause?: unknown }) {
    super(
      `branch ${branch} moved: expected ${expected ?? "no branch"}, found ${actual ?? "unknown or no branch"}`,
      409,
      "conflict",
      null,
      options,
    );
    this.branch = branch;
    this.expected = expected;
    this.actual = actual;
    this.name = "BranchMovedError";
  }
}

/** Whether a failure says the thing read is not there (404) or no longer there (410). */
export function isGone(error: unknown): error is GitHubCallError {
  return error instanceof GitHubCallError && (error.kind === "not_found" || error.kind === "gone");
}

/** A read whose target may be gone (a deleted issue, a removed repository): null then; any other failure throws. */
export async function nullIfGone<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (isGone(error)) return null;
    throw error;
  }
}
