import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import { authorizedBearer } from "./dashboard/auth.ts";
import { serveDashboard, type DashboardDeps } from "./dashboard/dashboard-routes.ts";
import type { ForemanMetrics } from "./metrics.ts";

export interface OperatorDeps {
  metrics: ForemanMetrics;
  /** When set, `/metrics` wants `Authorization: Bearer <token>`. */
  metricsToken: string | null;
  /** The dashboard, or null when it is off (no token configured): its paths then answer 404. */
  dashboard: DashboardDeps | null;
  log: Logger;
}

/** A request handler that answers the operator's paths and returns true, or returns false for every other path. */
export type OperatorRoutes = (request: IncomingMessage, response: ServerResponse) => boolean;

function serveMetrics(deps: OperatorDeps, request: IncomingMessage, response: ServerResponse): void {
  if (deps.metricsToken !== null && !authorizedBearer(request, deps.metricsToken)) {
    response.writeHead(401, { "content-type": "text/plain", "www-authenticate": 'Bearer realm="foreman-metrics"' }).end("unauthorized\n");
    return;
  }
  deps.metrics.registry.metrics().then(
    (text) => response.writeHead(200, { "content-type": deps.metrics.registry.contentType, "cache-control": "no-store" }).end(text),
    (error: unknown) => {
      deps.log.error({ err: error }, "metrics could not be collected");
      response.writeHead(500, { "content-type": "text/plain" }).end("metrics could not be collected; see the log\n");
    },
  );
}

/**
 * The operator's paths on the webhook server: `/metrics` (Prometheus) and `/dashboard…` (when a
 * dashboard token is set). Everything else is left to the webhook middleware.
 */
export function registerOperatorRoutes(deps: OperatorDeps): OperatorRoutes {
  return (request, response) => {
    const pathname = new URL(request.url ?? "/", "http://localhost").pathname;
    if (pathname === "/metrics") {
      serveMetrics(deps, request, response);
      return true;
    }
    if (pathname !== "/dashboard" && !pathname.startsWith("/dashboard/")) return false;
    if (!deps.dashboard) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
      return true;
    }
    serveDashboard(deps.dashboard, request, response, pathname);
    return true;
  };
}
