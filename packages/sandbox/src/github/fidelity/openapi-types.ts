/** A JSON schema as found in GitHub's OpenAPI 3.0 description (documentation text stripped). */
export type JsonSchema = boolean | { readonly [keyword: string]: unknown };

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Every operation of the description, so that "not implemented" can be told from "no such path". */
export type RouteEntry = {
  readonly method: HttpMethod;
  /** A template such as `/repos/{owner}/{repo}/pulls/{pull_number}`. */
  readonly path: string;
  readonly operationId: string;
};

export type ParameterLocation = "path" | "query" | "header";

export type ParameterDetail = {
  readonly name: string;
  readonly in: ParameterLocation;
  readonly required: boolean;
  readonly schema: JsonSchema;
};

export type RequestBodyDetail = {
  readonly contentType: string;
  readonly required: boolean;
  readonly schema: JsonSchema;
};

/** A documented response; `schema` is absent when the response has no (JSON) body, e.g. 204. */
export type ResponseDetail = {
  readonly contentType?: string;
  readonly schema?: JsonSchema;
};

export type OperationDetail = {
  readonly method: HttpMethod;
  readonly path: string;
  readonly parameters: readonly ParameterDetail[];
  readonly requestBody: RequestBodyDetail | null;
  /** Status code (e.g. "200", "404") → documented response. */
  readonly responses: { readonly [status: string]: ResponseDetail };
};

export type OpenApiSource = {
  readonly package: "@octokit/openapi";
  readonly version: string;
  readonly file: "api.github.com.deref.json";
};

/** The shape of the committed `openapi-operations.json`. */
export type OpenApiOperationsFile = {
  readonly source: OpenApiSource;
  readonly routes: readonly RouteEntry[];
  readonly operations: { readonly [operationId: string]: OperationDetail };
};

export const HTTP_METHODS: readonly HttpMethod[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];
