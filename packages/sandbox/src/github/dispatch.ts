import type { Actor } from "./auth.ts";
import type { RouteContext, RouteTable } from "./context.ts";
import type { SandboxCore } from "./core.ts";
import { ApiError } from "./errors.ts";
import { matchRoute, toGitHubValidationError, validateRequest, type OpenApiIndex } from "./fidelity/rest.ts";

export interface ApiCall {
  method: string;
  pathname: string;
  url: URL;
  text: string;
  actor: Actor;
  /** The request's `Accept` header ("" when absent), for the media types some routes answer in. */
  accept: string;
}

export interface DispatchResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  operationId: string | null;
  problems: string[];
}

export type GraphqlEndpoint = (call: ApiCall) => Promise<{ status: number; body: unknown; problems: string[] }>;

function parseBody(text: string): Record<string, unknown> {
  if (text.trim() === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError(400, "Problems parsing JSON");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ApiError(400, "Problems parsing JSON");
  }
  return value as Record<string, unknown>;
}

/** Matches a call to GitHub's published operation, checks it the way GitHub would, and runs the route. */
export class ApiDispatcher {
  private readonly core: SandboxCore;
  private readonly index: OpenApiIndex;
  private readonly routes: RouteTable;
  private readonly graphql: GraphqlEndpoint;
  constructor(core: SandboxCore, index: OpenApiIndex, routes: RouteTable, graphql: GraphqlEndpoint) {
    this.core = core;
    this.index = index;
    this.routes = routes;
    this.graphql = graphql;
  }

  operationIdOf(call: Pick<ApiCall, "method" | "pathname">): string | null {
    if (call.pathname === "/graphql") return "graphql";
    const match = matchRoute(this.index, call.method, call.pathname);
    return match.kind === "unknown" ? null : match.operationId;
  }

  async dispatch(call: ApiCall): Promise<DispatchResult> {
    if (call.pathname === "/graphql" && call.method === "POST") {
      return { ...(await this.graphql(call)), operationId: "graphql" };
    }
    const match = matchRoute(this.index, call.method, call.pathname);
    if (match.kind === "unknown") {
      return {
        status: 404,
        body: new ApiError(404, "Not Found").toBody(),
        operationId: null,
        problems: [`no GitHub operation for ${call.method} ${call.pathname}`],
      };
    }
    const route = this.routes[match.operationId];
    if (match.kind === "unsupported" || !route) {
      const message = `the sandbox does not implement ${match.operationId} (${call.method} ${call.pathname})`;
      this.core.logger.error({ operationId: match.operationId }, "sandbox operation not implemented");
      return { status: 501, body: { message }, operationId: match.operationId, problems: [message] };
    }
    const body = parseBody(call.text);
    const problems = validateRequest(this.index, match.operationId, {
      params: match.params,
      query: Object.fromEntries(call.url.searchParams),
      body: call.text.trim() === "" ? undefined : body,
    });
    if (problems.length > 0) {
      const error = toGitHubValidationError(problems);
      return {
        status: error.status,
        body: error.body,
        operationId: match.operationId,
        problems: problems.map((p) => `${p.location} ${p.pointer}: ${p.message}`),
      };
    }
    const context: RouteContext = {
      core: this.core,
      actor: call.actor,
      operationId: match.operationId,
      params: match.params,
      query: call.url.searchParams,
      body,
      url: call.url,
      accept: call.accept,
    };
    try {
      const result = await route(context);
      return {
        status: result.status ?? 200,
        body: result.body,
        headers: result.headers ?? {},
        operationId: match.operationId,
        problems: [],
      };
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      return { status: error.status, body: error.toBody(), headers: error.headers, operationId: match.operationId, problems: [] };
    }
  }
}
