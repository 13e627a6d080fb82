import type { GraphQLError, GraphQLSchema, OperationDefinitionNode } from "graphql";
import { getOperationAST, getVariableValues, parse, validate } from "graphql";
import { toGitHubGraphqlMessage } from "./graphql-messages.ts";
import type { FidelityProblem } from "./problem.ts";

export { loadGitHubSchema } from "./graphql-schema.ts";

export type GraphqlRequest = {
  readonly query: unknown;
  readonly variables?: unknown;
  readonly operationName?: unknown;
};

export type GraphqlLocation = { readonly line: number; readonly column: number };

/** A problem with a GraphQL request; `locations` point into the query text when known. */
export type GraphqlProblem = FidelityProblem & { readonly locations?: readonly GraphqlLocation[] };

function fromGraphqlError(error: GraphQLError, pointer: string): GraphqlProblem {
  const problem = { location: "body", pointer, message: toGitHubGraphqlMessage(error.message) } as const;
  return error.locations === undefined ? problem : { ...problem, locations: error.locations };
}

function bodyProblem(pointer: string, message: string): GraphqlProblem {
  return { location: "body", pointer, message };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function selectOperation(request: GraphqlRequest, operation: OperationDefinitionNode | null): GraphqlProblem[] {
  if (operation !== null) return [];
  const message =
    typeof request.operationName === "string" ? `No operation named "${request.operationName}"` : "An operation name is required";
  return [bodyProblem("/operationName", message)];
}

/**
 * Checks a POST /graphql body the way GitHub would before running it: the query parses,
 * validates against the schema, names an operation when it holds several, and the variables
 * coerce to the declared types (unknown input fields, missing required ones, bad enum values).
 */
export function validateGraphqlRequest(schema: GraphQLSchema, request: GraphqlRequest): GraphqlProblem[] {
  if (typeof request.query !== "string" || request.query.trim() === "") {
    return [bodyProblem("/query", "A query attribute must be specified and must be a string.")];
  }
  if (request.variables !== undefined && request.variables !== null && !isRecord(request.variables)) {
    return [bodyProblem("/variables", "Variables are invalid JSON.")];
  }
  if (request.operationName !== undefined && request.operationName !== null && typeof request.operationName !== "string") {
    return [bodyProblem("/operationName", "operationName must be a string.")];
  }
  let document;
  try {
    document = parse(request.query);
  } catch (error) {
    return [fromGraphqlError(error as GraphQLError, "/query")];
  }
  const validationErrors = validate(schema, document);
  if (validationErrors.length > 0) return validationErrors.map((error) => fromGraphqlError(error, "/query"));
  const operation = getOperationAST(document, request.operationName ?? undefined) ?? null;
  const selectionProblems = selectOperation(request, operation);
  if (operation === null) return selectionProblems;
  const variables = isRecord(request.variables) ? request.variables : {};
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  return (coerced.errors ?? []).map((error) => fromGraphqlError(error, "/variables"));
}

/** GitHub answers an invalid GraphQL request with HTTP 200 and an `errors` list. */
export function toGraphqlErrorBody(problems: readonly GraphqlProblem[]): {
  readonly errors: ReadonlyArray<{ readonly message: string; readonly locations?: readonly GraphqlLocation[] }>;
} {
  return {
    errors: problems.map((problem) =>
      problem.locations === undefined ? { message: problem.message } : { message: problem.message, locations: problem.locations },
    ),
  };
}
