import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { actorLogin, authenticate, type Actor } from "./auth.ts";
import type { SandboxCore } from "./core.ts";
import { ApiError } from "./errors.ts";
import type { FaultInjector } from "./faults.ts";
import type { ApiCall, ApiDispatcher } from "./dispatch.ts";
import { canonicalRepositoryPath } from "./repository-alias.ts";
import { ANY_PATH } from "./services.ts";

const RATE_LIMIT = 5000;

interface Exchange {
  status: number;
  body: unknown;
  headers: Record<string, string>;
  operationId: string | null;
  problems: string[];
  fault?: string;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function parseJson(text: string): Record<string, unknown> | unknown[] | null {
  if (text.trim() === "") return {};
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function rateLimitHeaders(core: SandboxCore, used: number): Record<string, string> {
  const reset = Math.ceil(core.store.now().getTime() / 1000) + 3600;
  return {
    "x-ratelimit-limit": String(RATE_LIMIT),
    "x-ratelimit-remaining": String(Math.max(RATE_LIMIT - used, 0)),
    "x-ratelimit-reset": String(reset),
    "x-ratelimit-used": String(used),
    "x-ratelimit-resource": "core",
    "x-github-api-version-selected": "2022-11-28",
    "x-github-media-type": "github.v3; format=json",
  };
}

/** The HTTP face of the sandbox: authentication, faults, fidelity checks, routing, logging. */
export class SandboxHttpServer {
  private server: Server | null = null;
  private callCount = 0;

  private readonly core: SandboxCore;
  private readonly dispatcher: ApiDispatcher;
  private readonly faults: FaultInjector;
  private readonly rawRoutes: Record<string, (request: IncomingMessage, response: ServerResponse) => boolean>;
  constructor(
    core: SandboxCore,
    dispatcher: ApiDispatcher,
    faults: FaultInjector,
    rawRoutes: Record<string, (request: IncomingMessage, response: ServerResponse) => boolean>,
  ) {
    this.core = core;
    this.dispatcher = dispatcher;
    this.faults = faults;
    this.rawRoutes = rawRoutes;
  }

  async listen(port = 0): Promise<string> {
    const server = createServer((request, response) => {
      void this.handle(request, response);
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    const { port: bound } = server.address() as AddressInfo;
    return `http://127.0.0.1:${bound}`;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = performance.now();
    const url = new URL(request.url ?? "/", this.core.urls.api);
    const pathname = url.pathname.replace(/^\/api\/v3(?=\/)/, "");
    const raw = this.rawRoutes[pathname.split("/").slice(0, 3).join("/")] ?? this.rawRoutes[ANY_PATH];
    if (raw?.(request, response)) return;
    const method = (request.method ?? "GET").toUpperCase();
    const text = await readBody(request);
    let actor: Actor = { kind: "anonymous" };
    let exchange: Exchange;
    try {
      actor = authenticate(this.core.store, request.headers.authorization);
      const accept = request.headers.accept ?? "";
      exchange = await this.exchange({ method, pathname: canonicalRepositoryPath(this.core.store, pathname), url, text, actor, accept });
    } catch (error) {
      exchange = this.errorExchange(error);
    }
    this.callCount += 1;
    const headers = { ...rateLimitHeaders(this.core, this.callCount), ...exchange.headers };
    this.send(response, exchange, headers);
    this.core.requestLog.record({
      at: new Date().toISOString(),
      method,
      path: pathname,
      operationId: exchange.operationId,
      status: exchange.status,
      durationMs: Math.round(performance.now() - started),
      actor: actorLogin(actor),
      write: isWrite(method, pathname, text),
      ...(text.trim() === "" ? {} : { body: parseJson(text) ?? text }),
      ...(exchange.problems.length > 0 ? { problems: exchange.problems } : {}),
      ...(exchange.fault ? { fault: exchange.fault } : {}),
    });
  }

  private async exchange(call: ApiCall): Promise<Exchange> {
    const operationId = this.dispatcher.operationIdOf(call);
    const fault = this.faults.decide({ method: call.method, path: call.pathname, operationId });
    if (fault) {
      if (fault.delayMs > 0) await sleep(fault.delayMs);
      if (fault.status !== null && !fault.afterDispatch) {
        return { status: fault.status, body: fault.body, headers: fault.headers, operationId, problems: [], fault: fault.rule.kind };
      }
    }
    const result = await this.dispatcher.dispatch(call);
    if (fault?.afterDispatch && fault.status !== null) {
      return {
        status: fault.status,
        body: fault.body,
        headers: fault.headers,
        operationId,
        problems: result.problems,
        fault: fault.rule.kind,
      };
    }
    return { ...result, headers: result.headers ?? {}, fault: fault?.rule.kind };
  }

  private errorExchange(error: unknown): Exchange {
    if (error instanceof ApiError) {
      return { status: error.status, body: error.toBody(), headers: error.headers, operationId: null, problems: [] };
    }
    this.core.logger.error({ err: error }, "sandbox request failed");
    return { status: 500, body: { message: "Server Error" }, headers: {}, operationId: null, problems: [String(error)] };
  }

  private send(response: ServerResponse, exchange: Exchange, headers: Record<string, string>): void {
    if (exchange.status === 204 || exchange.status === 304 || exchange.body === undefined) {
      response.writeHead(exchange.status, headers).end();
      return;
    }
    if (exchange.body instanceof Uint8Array) {
      // Raw bytes (a file asked for in a raw media type): the route set their content type.
      response.writeHead(exchange.status, headers).end(exchange.body);
      return;
    }
    const isRedirect = exchange.status >= 300 && exchange.status < 400;
    const body = isRedirect ? "" : JSON.stringify(exchange.body);
    response.writeHead(exchange.status, { "content-type": "application/json; charset=utf-8", ...headers }).end(body);
  }
}

function isWrite(method: string, pathname: string, text: string): boolean {
  if (pathname === "/graphql") return /^\s*mutation\b/m.test(text.replace(/\\n/g, "\n").replace(/^\{"query":"/, ""));
  if (method === "POST" && /^\/app\/installations\/\d+\/access_tokens$/.test(pathname)) return false;
  return method !== "GET" && method !== "HEAD";
}
