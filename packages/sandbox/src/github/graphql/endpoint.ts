import type { ExecutionResult, GraphQLError } from "graphql";
import { execute, parse } from "graphql";
import type { SandboxCore } from "../core.ts";
import type { ApiCall, GraphqlEndpoint } from "../dispatch.ts";
import { loadGitHubSchema, validateGraphqlRequest } from "../fidelity/graphql.ts";
import { mergeQueueOf } from "../merge-queue/index.ts";
import { GraphqlFailure, UnsupportedFieldError } from "./failure.ts";
import { strictFieldResolver } from "./field-resolver.ts";
import type { ResolveContext } from "./resolve-context.ts";
import { buildRootValue } from "./root.ts";
import { schemaErrors, type GraphqlErrorJson } from "./schema-errors.ts";

type GraphqlAnswer = Awaited<ReturnType<GraphqlEndpoint>>;

const UNAUTHENTICATED: GraphqlAnswer = {
  status: 401,
  body: {
    message: "This endpoint requires you to be authenticated.",
    documentation_url: "https://docs.github.com/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql",
  },
  problems: ["POST /graphql without a user or installation token"],
};

function parseBody(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** One execution error in GitHub's shape, and the problem to log when it is the sandbox's gap. */
function describeError(core: SandboxCore, error: GraphQLError): { json: GraphqlErrorJson; problem: string | null } {
  const where = { path: error.path ?? [], locations: error.locations ?? [] };
  const cause = error.originalError;
  if (cause instanceof GraphqlFailure) return { json: { type: cause.type, ...where, message: cause.message }, problem: null };
  if (cause instanceof UnsupportedFieldError) return { json: { ...where, message: cause.message }, problem: cause.message };
  core.logger.error({ err: cause ?? error, path: error.path }, "sandbox GraphQL resolver failed");
  const message = `the sandbox failed to resolve ${(error.path ?? []).join(".")}: ${error.message}`;
  return { json: { ...where, message }, problem: message };
}

function answerOf(core: SandboxCore, result: ExecutionResult): GraphqlAnswer {
  const described = (result.errors ?? []).map((error) => describeError(core, error));
  const problems = described.map((item) => item.problem).filter((problem): problem is string => problem !== null);
  const body =
    described.length === 0 ? { data: result.data ?? null } : { data: result.data ?? null, errors: described.map((item) => item.json) };
  return { status: 200, body, problems };
}

async function answer(core: SandboxCore, call: ApiCall): Promise<GraphqlAnswer> {
  const { actor } = call;
  if (actor.kind !== "installation" && actor.kind !== "user") return UNAUTHENTICATED;
  const request = parseBody(call.text);
  if (!request) return { status: 400, body: { message: "Problems parsing JSON" }, problems: ["POST /graphql body is not a JSON object"] };
  const schema = loadGitHubSchema();
  const problems = validateGraphqlRequest(schema, {
    query: request.query,
    variables: request.variables,
    operationName: request.operationName,
  });
  if (problems.length > 0) {
    return {
      status: 200,
      body: { errors: schemaErrors(request.query, problems) },
      problems: problems.map((p) => `graphql ${p.pointer}: ${p.message}`),
    };
  }
  const ctx: ResolveContext = { core, actor, account: actor.account, queue: mergeQueueOf(core) };
  const result = await execute({
    schema,
    document: parse(String(request.query)),
    rootValue: buildRootValue(ctx),
    contextValue: ctx,
    variableValues: (request.variables as Record<string, unknown> | null | undefined) ?? undefined,
    operationName: typeof request.operationName === "string" ? request.operationName : undefined,
    fieldResolver: strictFieldResolver,
  });
  return answerOf(core, result);
}

/** Answers POST /graphql: validates against GitHub's schema, then resolves what the sandbox supports. */
export function createGraphqlEndpoint(core: SandboxCore): GraphqlEndpoint {
  return (call) => answer(core, call);
}
