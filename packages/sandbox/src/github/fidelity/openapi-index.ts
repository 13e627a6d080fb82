import { readFileSync } from "node:fs";
import { z } from "zod";
import type { HttpMethod, OpenApiOperationsFile } from "./openapi-types.ts";
import { HTTP_METHODS } from "./openapi-types.ts";
import { OPERATIONS_FILE_URL } from "./operations-file.ts";
import type { CompiledRoute } from "./route-match.ts";
import { compileRoute } from "./route-match.ts";
import { OperationValidators } from "./operation-validators.ts";
import { once } from "./once.ts";

const Method = z.enum(HTTP_METHODS as [HttpMethod, ...HttpMethod[]]);
const Schema = z.union([z.boolean(), z.record(z.string(), z.unknown())]);

const OperationsFile = z.object({
  source: z.object({
    package: z.literal("@octokit/openapi"),
    version: z.string(),
    file: z.literal("api.github.com.deref.json"),
  }),
  routes: z.array(z.object({ method: Method, path: z.string(), operationId: z.string() })),
  operations: z.record(
    z.string(),
    z.object({
      method: Method,
      path: z.string(),
      parameters: z.array(
        z.object({
          name: z.string(),
          in: z.enum(["path", "query", "header"]),
          required: z.boolean(),
          schema: Schema,
        }),
      ),
      requestBody: z.object({ contentType: z.string(), required: z.boolean(), schema: Schema }).nullable(),
      responses: z.record(z.string(), z.object({ contentType: z.string().optional(), schema: Schema.optional() })),
    }),
  ),
});

/**
 * The extracted description, ready for matching and validation. Compiled validators are cached
 * inside the index, so keep one index per server rather than loading it per request.
 */
export type OpenApiIndex = {
  readonly file: OpenApiOperationsFile;
  readonly routesByMethod: ReadonlyMap<HttpMethod, readonly CompiledRoute[]>;
  readonly validators: OperationValidators;
};

export function createOpenApiIndex(file: OpenApiOperationsFile): OpenApiIndex {
  const routesByMethod = new Map<HttpMethod, CompiledRoute[]>(HTTP_METHODS.map((method) => [method, []]));
  for (const route of file.routes) {
    routesByMethod.get(route.method)?.push(compileRoute(route));
  }
  return { file, routesByMethod, validators: new OperationValidators(file) };
}

/** Reads and checks the committed `openapi-operations.json` (each call reads it again). */
export function loadOpenApiIndex(): OpenApiIndex {
  const file: OpenApiOperationsFile = OperationsFile.parse(JSON.parse(readFileSync(OPERATIONS_FILE_URL, "utf8")));
  return createOpenApiIndex(file);
}

/**
 * One index per process: the description never changes while the process runs, and its compiled
 * validators are expensive, so every sandbox started by one test run shares them.
 */
export const sharedOpenApiIndex = once(loadOpenApiIndex);
