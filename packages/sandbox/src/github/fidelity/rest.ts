import type { ValidateFunction } from "ajv";
import { problemsFromAjv, REQUEST_BODY_ROOT } from "./ajv-problems.ts";
import type { OpenApiIndex } from "./openapi-index.ts";
import type { HttpMethod } from "./openapi-types.ts";
import type { FidelityProblem } from "./problem.ts";
import { findRoute } from "./route-match.ts";

export type { OpenApiIndex } from "./openapi-index.ts";
export { createOpenApiIndex, loadOpenApiIndex, sharedOpenApiIndex } from "./openapi-index.ts";
export { toGitHubValidationError } from "./github-error.ts";
export type { FidelityProblem } from "./problem.ts";
export { UnknownOperationError } from "./operation-validators.ts";

export type RouteMatchResult =
  | { readonly kind: "operation"; readonly operationId: string; readonly params: Record<string, string> }
  | { readonly kind: "unsupported"; readonly operationId: string }
  | { readonly kind: "unknown" };

type QueryInput = URLSearchParams | Readonly<Record<string, string | readonly string[] | undefined>>;

export type RequestInput = {
  /** Decoded path parameters, as returned by `matchRoute`. */
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: QueryInput;
  /** The parsed JSON body; `undefined` when the request had none. */
  readonly body?: unknown;
};

/**
 * Which operation a request is for: one the sandbox implements (`operation`), a real GitHub
 * endpoint it does not implement (`unsupported`: answer 501), or none at all (`unknown`: 404).
 * `pathname` must be the raw, still percent-encoded path; parameters come back decoded.
 */
export function matchRoute(index: OpenApiIndex, method: string, pathname: string): RouteMatchResult {
  const upper = method.toUpperCase();
  // GitHub answers HEAD wherever it answers GET.
  const routes = index.routesByMethod.get((upper === "HEAD" ? "GET" : upper) as HttpMethod);
  const match = routes === undefined ? null : findRoute(routes, pathname);
  if (match === null) return { kind: "unknown" };
  const { operationId } = match.route;
  if (index.file.operations[operationId] === undefined) return { kind: "unsupported", operationId };
  return { kind: "operation", operationId, params: match.params };
}

function toQueryRecord(query: QueryInput | undefined): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  const entries: Array<[string, string | readonly string[] | undefined]> =
    query instanceof URLSearchParams ? [...new Set(query.keys())].map((key) => [key, query.getAll(key)]) : Object.entries(query ?? {});
  for (const [key, value] of entries) {
    if (value === undefined) continue;
    record[key] = typeof value === "string" ? value : value.length === 1 ? (value[0] ?? "") : [...value];
  }
  return record;
}

function check(validate: ValidateFunction, data: unknown, location: FidelityProblem["location"]): FidelityProblem[] {
  const rootName = location === "body" ? REQUEST_BODY_ROOT : location;
  return validate(data) ? [] : problemsFromAjv(validate.errors, data, location, rootName);
}

/**
 * Checks a request against the operation's parameters and request body. Query and path values
 * are strings and are coerced by their schema first (`per_page=30` is an integer, `abc` is not).
 * Unknown query parameters are allowed, as GitHub ignores them.
 */
export function validateRequest(index: OpenApiIndex, operationId: string, input: RequestInput): FidelityProblem[] {
  const operation = index.validators.operation(operationId);
  const validators = index.validators.request(operationId);
  const problems = [
    ...check(validators.path, { ...input.params }, "path"),
    ...check(validators.query, toQueryRecord(input.query), "query"),
  ];
  if (validators.body === null || operation.requestBody === null) return problems;
  if (input.body === undefined) {
    const missing = { location: "body", pointer: "", message: `For '${REQUEST_BODY_ROOT}', nil is not an object.` } as const;
    return operation.requestBody.required ? [...problems, missing] : problems;
  }
  return [...problems, ...check(validators.body, input.body, "body")];
}

function isEmptyBody(body: unknown): boolean {
  return body === undefined || body === null || body === "";
}

/**
 * Checks one of the sandbox's own answers against the documented response for that status:
 * an undocumented status, a body where none is documented, or a body of the wrong shape.
 */
export function validateResponse(index: OpenApiIndex, operationId: string, status: number, body: unknown): FidelityProblem[] {
  const validator = index.validators.response(operationId, status);
  if (validator === null) {
    const documented = Object.keys(index.validators.operation(operationId).responses).join(", ");
    const message = `status ${status} is not documented for ${operationId} (documented: ${documented})`;
    return [{ location: "response", pointer: "", message }];
  }
  if (validator.validate === null) {
    if (isEmptyBody(body)) return [];
    return [{ location: "response", pointer: "", message: `status ${status} of ${operationId} is documented without a body` }];
  }
  return check(validator.validate, body, "response");
}
