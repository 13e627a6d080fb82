import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import { UnreadableStateError } from "../../engine/stored-state.ts";
import { authorized, sameSecret, sessionCookie } from "./auth.ts";
import { loadOverview, loadWorkflow, type DashboardData } from "./dashboard-data.ts";
import { html, type Html } from "./html.ts";
import { page, STYLESHEET_PATH } from "./page.ts";
import { workflowIdOf } from "./paths.ts";
import { renderLogin } from "./render-login.ts";
import { renderOverview } from "./render-overview.ts";
import { renderWorkflow } from "./render-workflow.ts";
import { STYLESHEET } from "./stylesheet.ts";

export interface DashboardDeps extends DashboardData {
  token: string;
  log: Logger;
}

const LOGIN_PATH = "/dashboard/login";
const SESSION_SECONDS = 12 * 3600;
const MAX_FORM_BYTES = 4096;

/** No script at all, styles and images only from the app, no framing, forms only back to the app. */
const SECURITY_HEADERS = {
  "content-security-policy":
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  "cache-control": "no-store",
};

function send(response: ServerResponse, status: number, body: Html | string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { "content-type": "text/html; charset=utf-8", ...SECURITY_HEADERS, ...headers }).end(String(body));
}

function notFound(response: ServerResponse): void {
  send(response, 404, page("Not found", html`<h1>Not found</h1><p><a href="/dashboard">All workflows</a></p>`));
}

async function readForm(request: IncomingMessage): Promise<URLSearchParams | null> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) return null;
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

async function login(deps: DashboardDeps, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method === "GET" || request.method === "HEAD") return send(response, 200, renderLogin(false));
  if (request.method !== "POST") return send(response, 405, "method not allowed", { allow: "GET, POST" });
  const form = await readForm(request);
  const given = form?.get("token") ?? "";
  if (!sameSecret(given, deps.token)) {
    deps.log.warn({ remote: request.socket.remoteAddress }, "dashboard login refused: wrong token");
    return send(response, 401, renderLogin(true));
  }
  response
    .writeHead(303, { location: "/dashboard", "set-cookie": sessionCookie(deps.token, request, SESSION_SECONDS), ...SECURITY_HEADERS })
    .end();
}

function workflowPage(deps: DashboardDeps, id: string, response: ServerResponse): void {
  try {
    const view = loadWorkflow(deps, id);
    if (!view) return notFound(response);
    send(response, 200, renderWorkflow(view));
  } catch (error) {
    if (!(error instanceof UnreadableStateError)) throw error;
    send(
      response,
      500,
      page("Unreadable", html`<h1>${id}</h1><p class="notice">Its stored state does not read back: ${error.message}</p>`),
    );
  }
}

async function route(deps: DashboardDeps, request: IncomingMessage, response: ServerResponse, pathname: string): Promise<void> {
  if (pathname === STYLESHEET_PATH) {
    response.writeHead(200, { "content-type": "text/css; charset=utf-8", ...SECURITY_HEADERS }).end(STYLESHEET);
    return;
  }
  if (pathname === LOGIN_PATH) return login(deps, request, response);
  if (!authorized(request, deps.token))
    return send(response, 401, renderLogin(false), { "www-authenticate": 'Bearer realm="foreman-dashboard"' });
  if (request.method !== "GET" && request.method !== "HEAD") return send(response, 405, "method not allowed", { allow: "GET" });
  if (pathname === "/dashboard" || pathname === "/dashboard/") return send(response, 200, renderOverview(loadOverview(deps)));
  const id = workflowIdOf(pathname);
  return id ? workflowPage(deps, id, response) : notFound(response);
}

/** Serves `/dashboard…`: read-only pages behind the token. Errors answer 500 and are logged, never thrown to the server. */
export function serveDashboard(deps: DashboardDeps, request: IncomingMessage, response: ServerResponse, pathname: string): void {
  route(deps, request, response, pathname).catch((error: unknown) => {
    deps.log.error({ err: error, path: pathname }, "dashboard page failed");
    if (!response.headersSent) send(response, 500, "the dashboard could not render this page; see the log");
    else response.end();
  });
}
