import { z } from "zod";
import { Probability } from "./primitives.ts";

/**
 * Which GitHub API calls a fault hits: calls are filtered by `method`, `path` (a glob in which a
 * star stands for one path segment) and `operationId` (from GitHub's OpenAPI description), then
 * counted from 1. With `nth` the fault fires on that call; with `probability` on that share of
 * calls (seeded PRNG); with neither, on every call.
 */
export const GitHubFaultSelection = z
  .strictObject({
    method: z
      .string()
      .regex(/^[A-Za-z]+$/, { error: "expected an HTTP method, e.g. POST" })
      .optional(),
    path: z.string().startsWith("/", { error: "expected a path starting with /" }).optional(),
    operationId: z.string().min(1).optional(),
    nth: z.int().min(1).optional(),
    probability: Probability.optional(),
    seed: z.int().optional(),
  })
  .superRefine((on, context) => {
    if (on.nth !== undefined && on.probability !== undefined) {
      context.addIssue({ code: "custom", path: ["probability"], message: "give nth or probability, not both" });
    }
    if (on.seed !== undefined && on.probability === undefined) {
      context.addIssue({ code: "custom", path: ["seed"], message: "seed is only used with probability" });
    }
  });
export type GitHubFaultSelection = z.infer<typeof GitHubFaultSelection>;

const Seconds = z.int().min(0).max(3600);

const faultBase = {
  on: GitHubFaultSelection.optional(),
  /** How many times the fault fires before it is spent; default once with `nth`, otherwise unlimited. */
  times: z.int().min(1).optional(),
};

export const GitHubFault = z.discriminatedUnion("kind", [
  z.strictObject({ ...faultBase, kind: z.literal("server_error") }),
  z.strictObject({ ...faultBase, kind: z.literal("bad_gateway") }),
  /** The call is performed, then answered 502: an ambiguous failure (GitHub did the write). */
  z.strictObject({ ...faultBase, kind: z.literal("server_error_after_write") }),
  /** 403 with retry-after (default 60 s); null: without retry-after, as GitHub sometimes answers. */
  z.strictObject({ ...faultBase, kind: z.literal("secondary_rate_limit"), retryAfterSeconds: Seconds.nullable().optional() }),
  /** 403 with x-ratelimit-remaining: 0 and a reset this many seconds ahead (default 60). */
  z.strictObject({ ...faultBase, kind: z.literal("primary_rate_limit"), retryAfterSeconds: Seconds.optional() }),
  z.strictObject({ ...faultBase, kind: z.literal("latency"), ms: z.int().min(0).max(60_000).optional() }),
]);
export type GitHubFault = z.infer<typeof GitHubFault>;

/** `event`, `event.action`, either with `@login` for one sender's deliveries, and with `#n` for the nth of them (1-based). */
const DeliverySelector = z.string().regex(/^[a-z_]+(?:\.[a-z_]+)?(?:@[A-Za-z0-9-]+(?:\[bot\])?)?(?:#[1-9][0-9]*)?$/, {
  error:
    'expected "event", "event.action" or either with "@login" and "#n", e.g. "check_suite.completed#1" or "issue_comment.created@maya#1"',
});

/** Faults in webhook delivery. Probabilities are per delivery, drawn from a PRNG seeded with `seed`. */
export const WebhookFaults = z.strictObject({
  /** Share of deliveries sent twice with the same delivery id. */
  duplicate: Probability.optional(),
  /** Share of deliveries held back and sent after the next one. */
  reorder: Probability.optional(),
  /** Share of deliveries never sent, or a list of deliveries never sent. */
  drop: z
    .union([Probability, z.array(DeliverySelector)], {
      error: 'expected a probability (0 to 1) or a list like ["check_suite.completed#1"]',
    })
    .optional(),
  seed: z.int().optional(),
});
export type WebhookFaults = z.infer<typeof WebhookFaults>;

/** The `github` section of a scenario: faults the sandbox GitHub injects. */
export const GitHubSandboxOptions = z.strictObject({
  faults: z.array(GitHubFault).default([]),
  webhooks: WebhookFaults.optional(),
});
export type GitHubSandboxOptions = z.infer<typeof GitHubSandboxOptions>;
