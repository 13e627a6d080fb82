/** How long GitHub asked Foreman to wait, and which of its limits was hit. */
export interface RateLimitWait {
  limit: "primary" | "secondary";
  ms: number;
  /** False when GitHub named no wait: the minute is a floor. */
  named: boolean;
}

type Headers = Record<string, string | number | undefined> | undefined;

const MINUTE = 60_000;
/** The anchors of GitHub's rate-limit documentation that its secondary-limit answers link to. */
const SECONDARY_DOCUMENTATION = /#(?:about-)?(?:secondary|abuse)-rate-limits?\b/;
/** GitHub's wording, for answers that carry no documentation link (older GitHub Enterprise Server). */
const SECONDARY_MESSAGE = /\bsecondary rate limit|\babuse detection/i;

function header(headers: Headers, name: string): string | null {
  const value = headers?.[name];
  return value === undefined ? null : String(value);
}

function field(body: unknown, name: string): string {
  if (typeof body !== "object" || body === null || !(name in body)) return "";
  const value: unknown = (body as Record<string, unknown>)[name];
  return typeof value === "string" ? value : "";
}

/** Whether the body is GitHub's answer for a secondary limit (its documentation link, else its message). */
function secondaryBody(body: unknown): boolean {
  return SECONDARY_DOCUMENTATION.test(field(body, "documentation_url")) || SECONDARY_MESSAGE.test(field(body, "message"));
}

/** `retry-after` in milliseconds: seconds, or an HTTP date; null when absent or unreadable. */
function retryAfterMs(headers: Headers, now: number): number | null {
  const value = header(headers, "retry-after");
  if (value === null || value.trim() === "") return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(seconds, 0) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(date - now, 0);
}

/** Until one second after the primary limit's reset (`x-ratelimit-reset`, epoch seconds); null without one. */
function untilReset(headers: Headers, now: number): number | null {
  const reset = Number(header(headers, "x-ratelimit-reset") ?? Number.NaN);
  return Number.isFinite(reset) ? Math.max(reset * 1000 + 1000 - now, 1000) : null;
}

/**
 * GitHub's rate limits, as its documentation describes them. A 403 or 429 is a rate limit when
 * `x-ratelimit-remaining` is 0 (the primary limit), or when it says it is a secondary limit (its
 * documentation link or message), carries `retry-after`, or is a 429. The wait is `retry-after`,
 * else the primary limit's reset, else at least a minute. Null for anything else (a 403 is then a
 * refusal).
 */
export function rateLimitWait(status: number, headers: Headers, body: unknown, now: number): RateLimitWait | null {
  if (status !== 403 && status !== 429) return null;
  const primary = header(headers, "x-ratelimit-remaining") === "0";
  const named = retryAfterMs(headers, now);
  if (!primary && named === null && status !== 429 && !secondaryBody(body)) return null;
  const limit = primary ? "primary" : "secondary";
  if (named !== null) return { limit, ms: Math.max(named, 1000), named: true };
  const reset = primary ? untilReset(headers, now) : null;
  return reset === null ? { limit, ms: MINUTE, named: false } : { limit, ms: reset, named: true };
}
