import { readFileSync } from "node:fs";
import type { Ajv, ValidateFunction } from "ajv";
import { z } from "zod";
import { problemsFromAjv } from "./ajv-problems.ts";
import { createAjv } from "./create-ajv.ts";
import { once } from "./once.ts";
import { resolvePackageFile } from "./package-files.ts";
import type { FidelityProblem } from "./problem.ts";

const SCHEMA_KEY = "octokit-webhooks";

const WebhookSchemaFile = z.looseObject({ definitions: z.record(z.string(), z.unknown()) });
type WebhookSchemaFile = z.infer<typeof WebhookSchemaFile>;

/** Reads `@octokit/webhooks-schemas`' schema.json (definitions `issues$labeled`, `push$event` …). */
export function readWebhookSchemaFile(): WebhookSchemaFile {
  const text = readFileSync(resolvePackageFile("@octokit/webhooks-schemas", "schema.json"), "utf8");
  return WebhookSchemaFile.parse(JSON.parse(text));
}

function problem(message: string): FidelityProblem {
  return { location: "body", pointer: "", message };
}

/**
 * Checks webhook payloads against GitHub's community-maintained webhook schemas. An event with
 * actions is checked against `<event>$<action>`; one without (push, create, ping …) against
 * `<event>$event`. Each definition is compiled on first use and kept.
 */
export class WebhookValidator {
  readonly #ajv: Ajv = createAjv();
  readonly #definitions: ReadonlySet<string>;
  readonly #compiled = new Map<string, ValidateFunction>();

  constructor(schemaFile: WebhookSchemaFile) {
    this.#definitions = new Set(Object.keys(schemaFile.definitions));
    this.#ajv.addSchema(schemaFile, SCHEMA_KEY);
  }

  validate(eventName: string, payload: unknown): FidelityProblem[] {
    const resolved = this.#definitionFor(eventName, payload);
    if ("problem" in resolved) return [resolved.problem];
    const validate = this.#compile(resolved.definition);
    return validate(payload) ? [] : problemsFromAjv(validate.errors, payload, "body", "payload");
  }

  #definitionFor(eventName: string, payload: unknown): { definition: string } | { problem: FidelityProblem } {
    const action = actionOf(payload);
    for (const candidate of [action === undefined ? undefined : `${eventName}$${action}`, `${eventName}$event`]) {
      if (candidate !== undefined && this.#definitions.has(candidate)) return { definition: candidate };
    }
    const actions = [...this.#definitions]
      .filter((name) => name.startsWith(`${eventName}$`))
      .map((name) => name.slice(eventName.length + 1));
    if (actions.length === 0) return { problem: problem(`"${eventName}" is not a known webhook event`) };
    const received = action === undefined ? "no action" : `action "${action}"`;
    return { problem: problem(`${received} is not known for "${eventName}" (known: ${actions.join(", ")})`) };
  }

  #compile(definition: string): ValidateFunction {
    const cached = this.#compiled.get(definition);
    if (cached !== undefined) return cached;
    const validate = this.#ajv.compile({ $ref: `${SCHEMA_KEY}#/definitions/${definition}` });
    this.#compiled.set(definition, validate);
    return validate;
  }
}

function actionOf(payload: unknown): string | undefined {
  if (typeof payload !== "object" || payload === null) return undefined;
  const action = (payload as { action?: unknown }).action;
  return typeof action === "string" ? action : undefined;
}

export function createWebhookValidator(): WebhookValidator {
  return new WebhookValidator(readWebhookSchemaFile());
}

const sharedValidator = once(createWebhookValidator);

/** Checks one payload the sandbox is about to deliver as `X-GitHub-Event: <eventName>`. */
export function validateWebhookPayload(eventName: string, payload: unknown): FidelityProblem[] {
  return sharedValidator().validate(eventName, payload);
}
