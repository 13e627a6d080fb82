import { readFileSync } from "node:fs";
import type { Ajv, ValidateFunction } from "ajv";
import { z } from "zod";
import { problemsFromAjv } from "./ajv-problems.ts";
import { createAjv } from "./create-ajv.ts";
import type { JsonSchema } from "./openapi-types.ts";
import { once } from "./once.ts";
import { resolvePackageFile } from "./package-files.ts";
import type { FidelityProblem } from "./problem.ts";
import { isSchemaObject, mapSchema } from "./schema-walk.ts";

const WebhookSchemaFile = z.looseObject({ definitions: z.record(z.string(), z.unknown()) });
type WebhookSchemaFile = z.infer<typeof WebhookSchemaFile>;

/** Reads `@octokit/webhooks-schemas`' schema.json (definitions `issues$labeled`, `push$event` …). */
function readWebhookSchemaFile(): WebhookSchemaFile {
  const text = readFileSync(resolvePackageFile("@octokit/webhooks-schemas", "schema.json"), "utf8");
  return WebhookSchemaFile.parse(JSON.parse(text));
}

const DEFINITION_REF = /^#\/definitions\/([^/]+)(\/.*)?$/;

function definitionId(name: string): string {
  return `urn:octokit-webhooks:${encodeURIComponent(name)}`;
}

/** `#/definitions/user` → the id the `user` definition is registered under. */
function withGlobalRefs(schema: unknown): JsonSchema {
  return mapSchema(schema as JsonSchema, (node) => {
    const match = typeof node["$ref"] === "string" ? DEFINITION_REF.exec(node["$ref"]) : null;
    if (match === null) return node;
    const [, name = "", rest] = match;
    return { ...node, $ref: rest === undefined ? definitionId(name) : `${definitionId(name)}#${rest}` };
  });
}

function problem(message: string): FidelityProblem {
  return { location: "body", pointer: "", message };
}

/**
 * Checks webhook payloads against GitHub's community-maintained webhook schemas. An event with
 * actions is checked against `<event>$<action>`; one without (push, create, ping …) against
 * `<event>$event`. Every definition is registered under its own id, so shared ones (user,
 * repository) compile once; each event's definition compiles on first use.
 */
class WebhookValidator {
  readonly #ajv: Ajv = createAjv({ inlineRefs: false, validateSchema: false });
  readonly #names: ReadonlySet<string>;

  constructor(schemaFile: WebhookSchemaFile) {
    this.#names = new Set(Object.keys(schemaFile.definitions));
    for (const [name, definition] of Object.entries(schemaFile.definitions)) {
      const schema = withGlobalRefs(definition);
      if (!isSchemaObject(schema)) continue;
      const { $schema: _draft, ...rest } = schema;
      this.#ajv.addSchema({ ...rest, $id: definitionId(name) });
    }
  }

  validate(eventName: string, payload: unknown): FidelityProblem[] {
    const resolved = this.#definitionFor(eventName, payload);
    if ("problem" in resolved) return [resolved.problem];
    const validate = this.#compiled(resolved.definition);
    return validate(payload) ? [] : problemsFromAjv(validate.errors, payload, "body", "payload");
  }

  #definitionFor(eventName: string, payload: unknown): { definition: string } | { problem: FidelityProblem } {
    const action = actionOf(payload);
    for (const candidate of [action === undefined ? undefined : `${eventName}$${action}`, `${eventName}$event`]) {
      if (candidate !== undefined && this.#names.has(candidate)) return { definition: candidate };
    }
    const actions = [...this.#names].filter((name) => name.startsWith(`${eventName}$`)).map((name) => name.slice(eventName.length + 1));
    if (actions.length === 0) return { problem: problem(`"${eventName}" is not a known webhook event`) };
    const received = action === undefined ? "no action" : `action "${action}"`;
    return { problem: problem(`${received} is not known for "${eventName}" (known: ${actions.join(", ")})`) };
  }

  #compiled(definition: string): ValidateFunction {
    const validate = this.#ajv.getSchema(definitionId(definition));
    if (validate === undefined) throw new Error(`webhook definition ${definition} is not registered`);
    return validate;
  }
}

function actionOf(payload: unknown): string | undefined {
  if (typeof payload !== "object" || payload === null) return undefined;
  const action = (payload as { action?: unknown }).action;
  return typeof action === "string" ? action : undefined;
}

function createWebhookValidator(): WebhookValidator {
  return new WebhookValidator(readWebhookSchemaFile());
}

const sharedValidator = once(createWebhookValidator);

/** Checks one payload the sandbox is about to deliver as `X-GitHub-Event: <eventName>`. */
export function validateWebhookPayload(eventName: string, payload: unknown): FidelityProblem[] {
  return sharedValidator().validate(eventName, payload);
}
