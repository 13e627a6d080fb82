import { pino } from "pino";
import { describe, expect, it, onTestFinished } from "vitest";
import { refusingEndpoint } from "../refusing-endpoint.ts";
import { startModelServer } from "@foreman/sandbox";
import { createModel } from "../../../src/adapters/model/create-model.ts";
import type { ResolvedProvider } from "../../../src/adapters/model/providers.ts";
import { ModelCallError } from "../../../src/ports/model-error.ts";
import type { ModelRequest } from "../../../src/ports/model.ts";

const request = (model: string): ModelRequest => ({
  role: "planner",
  model,
  messages: [
    { role: "system", content: "You are the planner. Answer in JSON." },
    { role: "user", content: "Plan the work." },
  ],
  json: true,
});

const provider = (name: string, baseUrl: string, apiKeyEnv: string): ResolvedProvider => ({
  name,
  baseUrl,
  apiKeyEnv,
  apiKey: "sk-wrong",
  structuredOutput: "json_object",
  toolCalling: true,
});

const modelOver = (providers: ResolvedProvider[], prices?: Parameters<typeof createModel>[0]["prices"]) =>
  createModel({ providers, timeoutMs: 10_000, log: pino({ level: "silent" }), chain: { baseDelayMs: 1 }, ...(prices ? { prices } : {}) });

async function failureOf(promise: Promise<unknown>): Promise<ModelCallError> {
  const error = await promise.then(
    () => null,
    (failure: unknown) => failure,
  );
  if (error instanceof ModelCallError) return error;
  throw new Error(`expected a ModelCallError, got ${String(error)}`);
}

describe("a model endpoint that refuses Foreman's key or model, through the openai client", () => {
  it("names the provider and the variable of a refused key, and does not try again", async () => {
    const endpoint = await refusingEndpoint();
    const model = modelOver([provider("default", endpoint.url, "FOREMAN_LLM_API_KEY")]);

    const error = await failureOf(model.complete(request("gpt-4o-mini")));

    expect(error).toMatchObject({ status: 401, retryable: false, kind: "unauthorized" });
    expect(error.refusals).toEqual([
      { provider: "default", keyVariable: "FOREMAN_LLM_API_KEY", status: 401, kind: "unauthorized", model: "gpt-4o-mini" },
    ]);
    expect(endpoint.requests()).toBe(1);
  });

  it("names the model an endpoint does not know (OpenAI's 404 model_not_found)", async () => {
    const server = await startModelServer({ script: { models: ["gpt-4o-mini"] } });
    onTestFinished(() => server.stop());
    const model = modelOver([provider("local", server.url, "LOCAL_KEY")]);

    const error = await failureOf(model.complete(request("ghost-model")));

    expect(error).toMatchObject({ status: 404, retryable: false, kind: "model_not_found" });
    expect(error.refusals).toEqual([
      { provider: "local", keyVariable: "LOCAL_KEY", status: 404, kind: "model_not_found", model: "ghost-model" },
    ]);
  });

  it("keeps every provider's refusal when the whole chain refused", async () => {
    const endpoint = await refusingEndpoint();
    const server = await startModelServer({ script: { models: ["gpt-4o-mini"] } });
    onTestFinished(() => server.stop());
    const model = modelOver([provider("primary", endpoint.url, "PRIMARY_KEY"), provider("backup", server.url, "BACKUP_KEY")]);

    const error = await failureOf(model.complete(request("ghost-model")));

    expect(error.retryable).toBe(false);
    expect(error.refusals.map((refusal) => [refusal.provider, refusal.keyVariable, refusal.kind])).toEqual([
      ["primary", "PRIMARY_KEY", "unauthorized"],
      ["backup", "BACKUP_KEY", "model_not_found"],
    ]);
  });
});

describe("the model port's prices", () => {
  it("prices each answer by the operator's table, and says when a model has none", async () => {
    const server = await startModelServer({
      script: {
        answers: [
          {
            role: "planner",
            match: { model: "house-model" },
            content: { ok: true },
            usage: { prompt_tokens: 2_000_000, completion_tokens: 1_000_000 },
          },
          { role: "planner", match: { model: "mystery-model" }, content: { ok: true }, usage: { prompt_tokens: 10, completion_tokens: 5 } },
        ],
      },
    });
    onTestFinished(() => server.stop());
    const model = modelOver([provider("local", server.url, "LOCAL_KEY")], { "house-model": { input: 0.5, output: 2 } });

    const priced = await model.complete(request("house-model"));
    const unknown = await model.complete(request("mystery-model"));

    expect([priced.costUsd, unknown.costUsd]).toEqual([3, null]);
  });
});
