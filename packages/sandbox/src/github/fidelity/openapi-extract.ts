import { z } from "zod";
import type {
  HttpMethod,
  JsonSchema,
  OpenApiOperationsFile,
  OpenApiSource,
  OperationDetail,
  ParameterDetail,
  RequestBodyDetail,
  ResponseDetail,
  RouteEntry,
} from "./openapi-types.ts";
import { HTTP_METHODS } from "./openapi-types.ts";
import { mapSchema, sortKeysDeep } from "./schema-walk.ts";

export class OpenApiExtractionError extends Error {
  override readonly name = "OpenApiExtractionError";
}

const MediaType = z.looseObject({ schema: z.unknown().optional() });
const Content = z.record(z.string(), MediaType);

const Operation = z.looseObject({
  operationId: z.string(),
  parameters: z
    .array(
      z.looseObject({
        name: z.string(),
        in: z.string(),
        required: z.boolean().optional(),
        schema: z.unknown().optional(),
      }),
    )
    .optional(),
  requestBody: z.looseObject({ required: z.boolean().optional(), content: Content.optional() }).optional(),
  responses: z.record(z.string(), z.looseObject({ content: Content.optional() })),
});
type Operation = z.infer<typeof Operation>;

const Description = z.looseObject({
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
});

type Located = { method: HttpMethod; path: string; operation: unknown; shared: unknown };

/** Keywords that only document a schema; dropping them keeps the extracted file small. */
function isDocumentationKeyword(keyword: string): boolean {
  return ["description", "example", "examples", "externalDocs", "title"].includes(keyword) || keyword.startsWith("x-");
}

function stripSchema(schema: unknown): JsonSchema {
  if (schema === undefined) return {};
  return mapSchema(schema as JsonSchema, (node) =>
    Object.fromEntries(Object.entries(node).filter(([keyword]) => !isDocumentationKeyword(keyword))),
  );
}

function locateOperations(description: unknown): Located[] {
  const { paths } = Description.parse(description);
  const located: Located[] = [];
  for (const [path, item] of Object.entries(paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method.toLowerCase()];
      if (operation !== undefined) located.push({ method, path, operation, shared: item["parameters"] });
    }
  }
  return located;
}

function compareRoutes(a: RouteEntry, b: RouteEntry): number {
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  return HTTP_METHODS.indexOf(a.method) - HTTP_METHODS.indexOf(b.method);
}

/** JSON wins; otherwise the first media type that has a schema (e.g. `application/vnd.github.object`). */
function pickMediaType(content: z.infer<typeof Content> | undefined): { contentType: string; schema: unknown } | null {
  if (content === undefined) return null;
  const types = Object.keys(content);
  const chosen =
    types.find((type) => type === "application/json") ??
    types.find((type) => /json/.test(type) && content[type]?.schema !== undefined) ??
    types.find((type) => content[type]?.schema !== undefined);
  if (chosen === undefined) return null;
  return { contentType: chosen, schema: content[chosen]?.schema };
}

const Parameters = Operation.shape.parameters;

/** Path-level parameters apply to every operation of the path unless the operation redefines them. */
function mergedParameters(operation: Operation, shared: unknown): NonNullable<Operation["parameters"]> {
  const own = operation.parameters ?? [];
  const inherited = (Parameters.parse(shared) ?? []).filter(
    (parameter) => !own.some((candidate) => candidate.name === parameter.name && candidate.in === parameter.in),
  );
  return [...inherited, ...own];
}

function toParameters(operation: Operation, shared: unknown): ParameterDetail[] {
  const parameters: ParameterDetail[] = [];
  for (const parameter of mergedParameters(operation, shared)) {
    if (parameter.in !== "path" && parameter.in !== "query" && parameter.in !== "header") continue;
    parameters.push({
      name: parameter.name,
      in: parameter.in,
      required: parameter.required ?? parameter.in === "path",
      schema: stripSchema(parameter.schema),
    });
  }
  return parameters;
}

function toRequestBody(operation: Operation): RequestBodyDetail | null {
  const media = pickMediaType(operation.requestBody?.content);
  if (media === null) return null;
  return {
    contentType: media.contentType,
    required: operation.requestBody?.required ?? false,
    schema: stripSchema(media.schema),
  };
}

function toResponses(operation: Operation): Record<string, ResponseDetail> {
  const responses: Record<string, ResponseDetail> = {};
  for (const [status, response] of Object.entries(operation.responses)) {
    const media = pickMediaType(response.content);
    responses[status] = media === null ? {} : { contentType: media.contentType, schema: stripSchema(media.schema) };
  }
  return responses;
}

function toOperationDetail(located: Located, operation: Operation): OperationDetail {
  return {
    method: located.method,
    path: located.path,
    parameters: toParameters(operation, located.shared),
    requestBody: toRequestBody(operation),
    responses: toResponses(operation),
  };
}

/**
 * Pure: from the parsed, dereferenced description to the content of `openapi-operations.json`.
 * Every operation becomes a route; the listed operations also get their full detail.
 */
export function extractOperations(description: unknown, operationIds: readonly string[], source: OpenApiSource): OpenApiOperationsFile {
  const wanted = new Set(operationIds);
  const routes: RouteEntry[] = [];
  const operations: Record<string, OperationDetail> = {};
  for (const located of locateOperations(description)) {
    const operation = Operation.parse(located.operation);
    routes.push({ method: located.method, path: located.path, operationId: operation.operationId });
    if (wanted.has(operation.operationId)) {
      operations[operation.operationId] = toOperationDetail(located, operation);
    }
  }
  const missing = [...wanted].filter((id) => operations[id] === undefined);
  if (missing.length > 0) {
    throw new OpenApiExtractionError(`operations not in the OpenAPI description: ${missing.join(", ")}`);
  }
  return sortKeysDeep({ source, routes: routes.sort(compareRoutes), operations }) as OpenApiOperationsFile;
}

/** The committed file's exact text: sorted keys, one trailing newline. */
export function serializeOperationsFile(file: OpenApiOperationsFile): string {
  return `${JSON.stringify(sortKeysDeep(file), null, 1)}\n`;
}
