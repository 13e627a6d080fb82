import type { IncomingMessage, ServerResponse } from "node:http";
import type { Readiness } from "./readiness.ts";

/** Where GitHub delivers webhooks. */
export const WEBHOOK_PATH = "/api/github/webhooks";

/**
 * One route of Foreman's HTTP server: answers the request and returns true, or returns false to
 * let the next route (and last, the webhook middleware) have it.
 */
export type Route = (request: IncomingMessage, response: ServerResponse) => boolean | Promise<boolean>;

/** The request's path, without its query. */
export const pathOf = (request: IncomingMessage): string => (request.url ?? "/").split("?")[0] ?? "/";

/** Answers `body` as JSON with `status`. */
function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response
    .writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" })
    .end(`${JSON.stringify(body)}\n`);
}

/** `GET /healthz`: 200 while the process serves HTTP at all (a liveness probe). */
export const healthRoute: Route = (request, response) => {
  if (pathOf(request) !== "/healthz") return false;
  response.writeHead(200, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" }).end("ok");
  return true;
};

/** `GET /readyz`: 200 when every part is up, else 503; the JSON body says each part's state. */
export function readinessRoute(readiness: Readiness): Route {
  return (request, response) => {
    if (pathOf(request) !== "/readyz") return false;
    const report = readiness.report();
    sendJson(response, report.ready ? 200 : 503, report);
    return true;
  };
}
