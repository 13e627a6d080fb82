import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import formats from "ajv-formats";
import type { MessageText, ResponseFormat } from "./chat-request.ts";
import { invalidRequest, type ErrorAnswer } from "./openai-error.ts";
import { strictSchemaViolation } from "./strict-schema-rules.ts";

/** What the server learned about the content it sent, given the request's response_format. */
export type ContentCheck = {
  /** Whether the content parses as JSON; set when JSON was asked for. */
  jsonValid?: boolean;
  /** Whether the content matches the schema; set for json_schema with strict: true. */
  schemaValid?: boolean;
  schemaErrors?: string[];
};

export type ResponseFormatCheck = {
  /** The 400 OpenAI answers for a response_format it refuses, if any. */
  rejection(format: ResponseFormat | undefined, messages: readonly MessageText[]): ErrorAnswer | undefined;
  check(format: ResponseFormat | undefined, content: string): ContentCheck;
};

type Schema = Record<string, unknown>;
/** A compiled schema, or why it does not compile. */
type Compiled = ValidateFunction | string;

const JSON_WORD_REQUIRED = "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.";

/** One per server: compiled schemas are cached by their text. */
export function createResponseFormatCheck(): ResponseFormatCheck {
  const compile = createSchemaCompiler();
  return {
    rejection(format, messages) {
      if (format?.type === "json_object" && !messages.some((message) => /json/i.test(message.content))) {
        return invalidRequest(JSON_WORD_REQUIRED, "messages");
      }
      if (format?.type !== "json_schema" || format.json_schema.strict !== true) return undefined;
      const { name, schema } = format.json_schema;
      const problem = schema
        ? (strictSchemaViolation(schema) ?? compileProblem(compile(schema)))
        : "a schema is required with strict: true.";
      if (problem === undefined) return undefined;
      const message = `Invalid schema for response_format '${name}': ${problem}`;
      return invalidRequest(message, "response_format", "invalid_json_schema");
    },
    check(format, content) {
      if (format === undefined || format.type === "text") return {};
      const parsed = parseJson(content);
      const schema = strictSchemaOf(format);
      if (schema === undefined) return { jsonValid: parsed.ok };
      if (!parsed.ok) return { jsonValid: false, schemaValid: false, schemaErrors: ["the content is not JSON"] };
      return { jsonValid: true, ...schemaCheck(compile(schema), parsed.value) };
    },
  };
}

function createSchemaCompiler(): (schema: Schema) => Compiled {
  const ajv = new Ajv2020({ strict: false, allErrors: true, logger: false });
  formats.default(ajv);
  const cache = new Map<string, Compiled>();
  return (schema) => {
    const key = JSON.stringify(schema);
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    const { $schema: _dialect, ...rest } = schema;
    let compiled: Compiled;
    try {
      compiled = ajv.compile(rest);
    } catch (error) {
      compiled = error instanceof Error ? error.message : String(error);
    }
    cache.set(key, compiled);
    return compiled;
  };
}

function strictSchemaOf(format: ResponseFormat): Schema | undefined {
  return format.type === "json_schema" && format.json_schema.strict === true ? format.json_schema.schema : undefined;
}

function schemaCheck(validate: Compiled, value: unknown): ContentCheck {
  if (typeof validate === "string") return { schemaValid: false, schemaErrors: [validate] };
  if (validate(value)) return { schemaValid: true };
  const schemaErrors = (validate.errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message ?? "is invalid"}`);
  return { schemaValid: false, schemaErrors };
}

function compileProblem(compiled: Compiled): string | undefined {
  return typeof compiled === "string" ? compiled : undefined;
}

function parseJson(content: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(content) as unknown };
  } catch {
    return { ok: false };
  }
}
