import type { FaultPlan } from "./bench-scenario.ts";

/** A named mix of injected faults, and whether it needs a second model provider. */
export interface FaultMix {
  name: string;
  what: string;
  plan: FaultPlan;
  /** The primary model provider answers with these faults; a clean backup provider follows it in the chain. */
  primaryModelFaults?: FaultPlan["model"];
}

const AMBIGUOUS_WRITES = [
  { method: "POST", path: "/repos/*/*/issues/*/comments" },
  { method: "PATCH", path: "/repos/*/*/issues/comments/*" },
  { method: "POST", path: "/repos/*/*/pulls" },
  { method: "POST", path: "/repos/*/*/check-runs" },
  { method: "PATCH", path: "/repos/*/*/check-runs/*" },
  { method: "POST", path: "/repos/*/*/git/commits" },
  { method: "POST", path: "/repos/*/*/git/refs" },
  { method: "PUT", path: "/repos/*/*/pulls/*/merge" },
  { method: "PATCH", path: "/repos/*/*/issues/*" },
];

/** The fault mixes of the report; each runs the demo scenario once, uninterrupted otherwise. */
export const FAULT_MIXES: FaultMix[] = [
  {
    name: "webhooks: duplicates + reorders",
    what: "30% of deliveries sent twice, 30% held back behind the next",
    plan: { webhooks: { duplicate: 0.3, reorder: 0.3, seed: 11 } },
  },
  { name: "webhooks: random drops", what: "25% of deliveries never sent", plan: { webhooks: { drop: 0.25, seed: 5 } } },
  {
    name: "webhooks: key drops",
    what: "the label, the first CI result, the first merge and the first plan approval never arrive",
    plan: { webhooks: { drop: ["issues.labeled", "check_suite.completed#1", "pull_request.closed#1", "issue_comment.created#1"] } },
  },
  {
    name: "GitHub: 5xx",
    what: "4% of calls answer 500, 3% answer 502",
    plan: {
      github: [
        { kind: "server_error", on: { probability: 0.04, seed: 3 } },
        { kind: "bad_gateway", on: { probability: 0.03, seed: 4 } },
      ],
    },
  },
  {
    name: "GitHub: ambiguous writes",
    what: "the first write of each kind is done, then answered 502",
    plan: { github: AMBIGUOUS_WRITES.map((on) => ({ kind: "server_error_after_write", on: { ...on, nth: 1 } })) },
  },
  {
    name: "GitHub: rate limits",
    what: "5% secondary limits (retry-after 1 s), 3% exhausted primary limit (reset in 1 s)",
    plan: {
      github: [
        { kind: "secondary_rate_limit", on: { probability: 0.05, seed: 6 }, retryAfterSeconds: 1 },
        { kind: "primary_rate_limit", on: { probability: 0.03, seed: 8 }, retryAfterSeconds: 1 },
      ],
    },
  },
  {
    name: "model: 429 / 5xx / timeouts / bad JSON",
    what: "first call 429, 20% 500, a coder call cut off after 1.5 s, malformed planner JSON, truncated coder JSON",
    plan: {
      model: [
        { kind: "rate_limit", on: { nth: 1 }, retryAfterSeconds: 1 },
        { kind: "server_error", on: { probability: 0.2, seed: 9 } },
        { kind: "timeout", on: { role: "coder", nth: 1 }, delayMs: 1500 },
        { kind: "malformed_json", on: { role: "planner", nth: 1 } },
        { kind: "truncated_json", on: { role: "coder", nth: 2 } },
      ],
    },
  },
  {
    name: "model: spent budget, failover",
    what: "the first provider answers insufficient_quota to every call; the chain moves to the second",
    plan: {},
    primaryModelFaults: [{ kind: "insufficient_quota" }],
  },
];
