import type { Ajv, ValidateFunction } from "ajv";
import { createAjv } from "./create-ajv.ts";
import type { OpenApiOperationsFile, OperationDetail, ParameterLocation } from "./openapi-types.ts";
import { toJsonSchema } from "./schema-convert.ts";

export class UnknownOperationError extends Error {
  override readonly name = "UnknownOperationError";
}

export type RequestValidators = {
  readonly path: ValidateFunction;
  readonly query: ValidateFunction;
  readonly body: ValidateFunction | null;
};

/** A compiled response check; `validate` is null when the response is documented without a body. */
export type ResponseValidator = { readonly validate: ValidateFunction | null };

/**
 * Compiles the schemas of one extracted description on first use and keeps them. Parameters
 * get an ajv that coerces strings (`"30"` → 30); bodies and responses one that does not.
 */
export class OperationValidators {
  readonly #file: OpenApiOperationsFile;
  readonly #strictAjv: Ajv = createAjv();
  readonly #parameterAjv: Ajv = createAjv({ coerceTypes: "array" });
  readonly #requests = new Map<string, RequestValidators>();
  readonly #responses = new Map<string, ResponseValidator | null>();

  constructor(file: OpenApiOperationsFile) {
    this.#file = file;
  }

  operation(operationId: string): OperationDetail {
    const operation = this.#file.operations[operationId];
    if (operation === undefined) {
      throw new UnknownOperationError(
        `${operationId} is not in openapi-operations.json; add it to operation-ids.ts and run npm run openapi:extract`,
      );
    }
    return operation;
  }

  request(operationId: string): RequestValidators {
    const cached = this.#requests.get(operationId);
    if (cached !== undefined) return cached;
    const operation = this.operation(operationId);
    const body = operation.requestBody;
    const validators: RequestValidators = {
      path: this.#parameterAjv.compile(parametersSchema(operation, "path")),
      query: this.#parameterAjv.compile(parametersSchema(operation, "query")),
      body: body === null ? null : this.#strictAjv.compile(toJsonSchema(body.schema)),
    };
    this.#requests.set(operationId, validators);
    return validators;
  }

  /** Null when the status is not documented for the operation. */
  response(operationId: string, status: number): ResponseValidator | null {
    const key = `${operationId} ${status}`;
    const cached = this.#responses.get(key);
    if (cached !== undefined) return cached;
    const documented = this.operation(operationId).responses[String(status)];
    const schema = documented?.schema;
    const validator =
      documented === undefined ? null : { validate: schema === undefined ? null : this.#strictAjv.compile(toJsonSchema(schema)) };
    this.#responses.set(key, validator);
    return validator;
  }
}

/** All parameters of one location as a single object schema, so one call checks them all. */
function parametersSchema(operation: OperationDetail, location: ParameterLocation): Record<string, unknown> {
  const parameters = operation.parameters.filter((parameter) => parameter.in === location);
  return {
    type: "object",
    properties: Object.fromEntries(parameters.map((parameter) => [parameter.name, toJsonSchema(parameter.schema)])),
    required: parameters.filter((parameter) => parameter.required).map((parameter) => parameter.name),
  };
}
