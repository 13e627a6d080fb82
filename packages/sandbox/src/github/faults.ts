import { seededRandom } from "./random.ts";

type GitHubFaultKind =
  "server_error" | "bad_gateway" | "server_error_after_write" | "secondary_rate_limit" | "primary_rate_limit" | "latency";

export interface GitHubFaultRule {
  kind: GitHubFaultKind;
  /** Which calls: the Nth matching call (1-based), a fraction of them, or every one. */
  on?: { nth?: number; probability?: number; seed?: number; method?: string; path?: string; operationId?: string };
  /** How many times the rule fires before it is spent; default once for nth, unlimited otherwise. */
  times?: number;
  /** For a secondary limit, null sends no `retry-after` (GitHub does not always send one). */
  retryAfterSeconds?: number | null;
  ms?: number;
}

export interface FaultDecision {
  rule: GitHubFaultRule;
  status: number | null;
  headers: Record<string, string>;
  body: Record<string, unknown> | null;
  delayMs: number;
  /** The call is performed first and its answer replaced by the fault: GitHub did the write, the client cannot know. */
  afterDispatch: boolean;
}

interface ArmedRule {
  rule: GitHubFaultRule;
  seen: number;
  fired: number;
  random: () => number;
}

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]+");
  return new RegExp(`^${escaped}$`);
}

/** Decides, call by call, whether the sandbox answers with an injected fault. */
export class FaultInjector {
  private armed: ArmedRule[] = [];

  private readonly now: () => Date = () => new Date();
  constructor(now: () => Date = () => new Date()) {
    this.now = now;
  }

  add(rules: GitHubFaultRule[]): void {
    for (const rule of rules) this.armed.push({ rule, seen: 0, fired: 0, random: seededRandom(rule.on?.seed ?? 7) });
  }

  clear(): void {
    this.armed = [];
  }

  decide(call: { method: string; path: string; operationId: string | null }): FaultDecision | null {
    for (const armed of this.armed) {
      if (!this.matches(armed.rule, call)) continue;
      armed.seen += 1;
      if (!this.fires(armed)) continue;
      armed.fired += 1;
      return this.decision(armed.rule);
    }
    return null;
  }

  private matches(rule: GitHubFaultRule, call: { method: string; path: string; operationId: string | null }): boolean {
    const on = rule.on ?? {};
    if (on.method && on.method.toUpperCase() !== call.method) return false;
    if (on.operationId && on.operationId !== call.operationId) return false;
    if (on.path && !globToRegExp(on.path).test(call.path)) return false;
    return true;
  }

  private fires(armed: ArmedRule): boolean {
    const { on = {}, times } = armed.rule;
    const limit = times ?? (on.nth !== undefined ? 1 : Number.POSITIVE_INFINITY);
    if (armed.fired >= limit) return false;
    if (on.nth !== undefined) return armed.seen >= on.nth;
    if (on.probability !== undefined) return armed.random() < on.probability;
    return true;
  }

  private decision(rule: GitHubFaultRule): FaultDecision {
    const base = { rule, headers: {}, body: null, delayMs: 0, afterDispatch: false };
    switch (rule.kind) {
      case "latency":
        return { ...base, status: null, delayMs: rule.ms ?? 100 };
      case "server_error":
        return { ...base, status: 500, body: { message: "Server Error" } };
      case "bad_gateway":
        return { ...base, status: 502, body: { message: "Server Error" } };
      case "server_error_after_write":
        return { ...base, status: 502, body: { message: "Server Error" }, afterDispatch: true };
      case "secondary_rate_limit":
        return {
          ...base,
          status: 403,
          headers: rule.retryAfterSeconds === null ? {} : { "retry-after": String(rule.retryAfterSeconds ?? 60) },
          body: {
            message:
              "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.",
            documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits",
          },
        };
      case "primary_rate_limit": {
        const reset = Math.ceil(this.now().getTime() / 1000) + (rule.retryAfterSeconds ?? 60);
        return {
          ...base,
          status: 403,
          headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(reset), "x-ratelimit-limit": "5000" },
          body: {
            message: "API rate limit exceeded for installation.",
            documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api",
          },
        };
      }
    }
  }
}
