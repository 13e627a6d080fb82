import type { Logger } from "pino";
import { meteredRequests } from "../adapters/github/metered-requests.ts";
import type { OctokitPlugin } from "../adapters/github/foreman-octokit.ts";
import type { SqliteStore } from "../store/sqlite/sqlite-store.ts";
import { recordGitHubCall, type ForemanMetrics } from "./metrics.ts";
import { registerOperatorRoutes, type OperatorRoutes } from "./operator-routes.ts";
import { registerStoreGauges } from "./store-gauges.ts";

/** The settings the operator's paths read (see `src/env.ts`). */
export interface ObservabilitySettings {
  FOREMAN_DASHBOARD_TOKEN?: string | undefined;
  FOREMAN_METRICS_TOKEN?: string | undefined;
  FOREMAN_GITHUB_API_URL?: string | undefined;
}

/** The Octokit plugin that counts every GitHub call into `metrics`. */
export function githubMetricsPlugin(metrics: ForemanMetrics): OctokitPlugin {
  return meteredRequests((call) => recordGitHubCall(metrics, call));
}

/** GitHub's web address for an API address: github.com's, a GitHub Enterprise Server's (without `/api/v3`), or the API's own origin. */
export function githubWebUrl(apiUrl: string | undefined): string {
  if (apiUrl === undefined) return "https://github.com";
  const url = new URL(apiUrl);
  if (url.hostname === "api.github.com") return "https://github.com";
  return `${url.origin}${url.pathname.replace(/\/api\/v3\/?$/, "").replace(/\/$/, "")}`;
}

/** Registers the store's gauges on `metrics` and returns the handler of `/metrics` and `/dashboard…`. */
export function operatorRoutes(
  settings: ObservabilitySettings,
  parts: { metrics: ForemanMetrics; store: SqliteStore; log: Logger; now: () => number },
): OperatorRoutes {
  const { metrics, store, log, now } = parts;
  registerStoreGauges(metrics.registry, { overview: store.overview, openWorkflows: () => store.openWorkflows(), now });
  const token = settings.FOREMAN_DASHBOARD_TOKEN;
  const dashboard = token
    ? {
        token,
        store,
        overview: store.overview,
        now,
        webUrl: githubWebUrl(settings.FOREMAN_GITHUB_API_URL),
        log: log.child({ name: "dashboard" }),
      }
    : null;
  return registerOperatorRoutes({ metrics, metricsToken: settings.FOREMAN_METRICS_TOKEN ?? null, dashboard, log });
}
