import { Counter, Gauge, Histogram, Registry } from "prom-client";
import type { GitHubCall } from "../adapters/github/metered-requests.ts";
import { BoundedLabels } from "./bounded-labels.ts";

/** Distinct GitHub endpoints kept as labels; calls beyond them count under `other`, so a stray concrete URL cannot grow the series. */
const MAX_ENDPOINTS = 200;

/** Seconds buckets for acknowledging a webhook: milliseconds are the aim, a second is already slow. */
const ACK_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
const CALL_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

/** The counters and histograms Foreman updates as it works; the store's gauges are added by `registerStoreGauges`. */
export interface ForemanMetrics {
  /** This app's own registry (never prom-client's global one): two apps in one process do not share series. */
  registry: Registry;
  modelCalls: Counter<"role" | "model" | "outcome">;
  modelTokens: Counter<"role" | "model" | "kind">;
  modelCost: Counter<"role" | "model">;
  modelSeconds: Histogram<"role">;
  githubRequests: Counter<"method" | "endpoint" | "status">;
  githubWrites: Counter<"method" | "endpoint" | "status">;
  githubSeconds: Histogram<"write">;
  rateLimitRemaining: Gauge<"resource" | "installation">;
  rateLimitLimit: Gauge<"resource" | "installation">;
  jobsGaveUp: Counter<"kind">;
  webhookAck: Histogram<"status">;
  endpoints: BoundedLabels;
}

function counters(
  registry: Registry,
): Pick<ForemanMetrics, "modelCalls" | "modelTokens" | "modelCost" | "githubRequests" | "githubWrites" | "jobsGaveUp"> {
  const registers = [registry];
  return {
    modelCalls: new Counter({
      name: "foreman_model_calls_total",
      help: "Model calls by agent role, model and outcome (ok, error).",
      labelNames: ["role", "model", "outcome"],
      registers,
    }),
    modelTokens: new Counter({
      name: "foreman_model_tokens_total",
      help: "Model tokens by agent role, model and kind (prompt, completion).",
      labelNames: ["role", "model", "kind"],
      registers,
    }),
    modelCost: new Counter({
      name: "foreman_model_cost_usd_total",
      help: "Model cost in US dollars by agent role and model (0 for a model without a known price).",
      labelNames: ["role", "model"],
      registers,
    }),
    githubRequests: new Counter({
      name: "foreman_github_requests_total",
      help: "GitHub API calls by method, route template and status.",
      labelNames: ["method", "endpoint", "status"],
      registers,
    }),
    githubWrites: new Counter({
      name: "foreman_github_writes_total",
      help: "GitHub API calls that change something (non-GET REST calls, GraphQL mutations) by method, route template and status.",
      labelNames: ["method", "endpoint", "status"],
      registers,
    }),
    jobsGaveUp: new Counter({
      name: "foreman_jobs_gave_up_total",
      help: "Jobs that failed for good (out of attempts, or an error no retry mends), by kind.",
      labelNames: ["kind"],
      registers,
    }),
  };
}

function others(
  registry: Registry,
): Pick<ForemanMetrics, "modelSeconds" | "githubSeconds" | "rateLimitRemaining" | "rateLimitLimit" | "webhookAck"> {
  const registers = [registry];
  return {
    modelSeconds: new Histogram({
      name: "foreman_model_call_seconds",
      help: "How long a model call took, through the provider chain, by agent role.",
      labelNames: ["role"],
      buckets: CALL_BUCKETS,
      registers,
    }),
    githubSeconds: new Histogram({
      name: "foreman_github_request_seconds",
      help: "How long a GitHub API call took, throttling waits included, by whether it writes.",
      labelNames: ["write"],
      buckets: CALL_BUCKETS,
      registers,
    }),
    rateLimitRemaining: new Gauge({
      name: "foreman_github_rate_limit_remaining",
      help: "Requests left in GitHub's primary rate limit, from the last answer's x-ratelimit-remaining, by resource and installation.",
      labelNames: ["resource", "installation"],
      registers,
    }),
    rateLimitLimit: new Gauge({
      name: "foreman_github_rate_limit_limit",
      help: "GitHub's primary rate limit per hour, from the last answer's x-ratelimit-limit, by resource and installation.",
      labelNames: ["resource", "installation"],
      registers,
    }),
    webhookAck: new Histogram({
      name: "foreman_webhook_ack_seconds",
      help: "Time from a webhook delivery's arrival to Foreman's answer, by HTTP status.",
      labelNames: ["status"],
      buckets: ACK_BUCKETS,
      registers,
    }),
  };
}

export function createMetrics(): ForemanMetrics {
  const registry = new Registry();
  return { registry, ...counters(registry), ...others(registry), endpoints: new BoundedLabels(MAX_ENDPOINTS) };
}

/** Counts one GitHub call and keeps the rate limit it reported. */
export function recordGitHubCall(metrics: ForemanMetrics, call: GitHubCall): void {
  const labels = {
    method: call.method,
    endpoint: metrics.endpoints.label(`${call.method} ${call.endpoint}`, call.endpoint),
    status: call.status,
  };
  metrics.githubRequests.inc(labels);
  if (call.write) metrics.githubWrites.inc(labels);
  metrics.githubSeconds.observe({ write: String(call.write) }, call.seconds);
  if (call.rateLimit) {
    const where = { resource: call.rateLimit.resource, installation: call.installation };
    metrics.rateLimitRemaining.set(where, call.rateLimit.remaining);
    metrics.rateLimitLimit.set(where, call.rateLimit.limit);
  }
}
