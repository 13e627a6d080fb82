import { describe, expect, it, onTestFinished } from "vitest";
import { ChainModel, modelOn } from "../../src/adapters/model/chain-model.ts";
import { createModel } from "../../src/adapters/model/create-model.ts";
import { DEFAULT_CAPABILITIES } from "../../src/adapters/model/providers.ts";
import { ModelCallError } from "../../src/ports/model-error.ts";
import type { ModelPort, ModelRequest, ModelResponse } from "../../src/ports/model.ts";
import { pino } from "pino";
import { startModelServer } from "@foreman/sandbox";

const request: ModelRequest = {
  role: "planner",
  model: "repo-model",
  messages: [{ role: "user", content: "Plan. Answer in JSON." }],
  json: true,
};
const answer = (model: string): ModelResponse => ({
  content: "{}",
  model,
  promptTokens: 1,
  completionTokens: 1,
  finishReason: "stop",
  toolCalls: [],
});

/** A provider that fails with the given errors in turn, then answers; it records the models it was asked for. */
function scripted(failures: ModelCallError[]): ModelPort & { asked: string[] } {
  const queue = [...failures];
  const asked: string[] = [];
  return {
    asked,
    complete(req) {
      asked.push(req.model);
      const failure = queue.shift();
      return failure ? Promise.reject(failure) : Promise.resolve(answer(req.model));
    },
  };
}

function chain(providers: Array<{ name: string; port: ModelPort; models?: Record<string, string> }>, waits: number[] = []): ChainModel {
  return new ChainModel(providers, {
    attemptsPerProvider: 3,
    baseDelayMs: 100,
    maxDelayMs: 2_000,
    random: () => 0.5,
    sleep: (ms) => Promise.resolve(void waits.push(ms)),
  });
}

const serverError = (): ModelCallError => new ModelCallError("500", 500, true, null);
const rateLimited = (ms: number): ModelCallError => new ModelCallError("429", 429, true, ms);
const quota = (): ModelCallError => new ModelCallError("quota", 429, false, null, "quota");

describe("ChainModel", () => {
  it("retries a 5xx on the same provider with jittered, growing backoff", async () => {
    const waits: number[] = [];
    const first = scripted([serverError(), serverError()]);

    const response = await chain([{ name: "a", port: first }], waits).complete(request);

    expect(response.model).toBe("repo-model");
    expect(waits).toEqual([75, 150]);
  });

  it("honours a 429's retry-after before trying the same provider again", async () => {
    const waits: number[] = [];

    await chain([{ name: "a", port: scripted([rateLimited(1_500)]) }], waits).complete(request);

    expect(waits).toEqual([1_500]);
  });

  it("moves to the next provider at once on a spent budget, asking it for its own model for the role", async () => {
    const waits: number[] = [];
    const first = scripted([quota()]);
    const second = scripted([]);

    const response = await chain(
      [
        { name: "a", port: first },
        { name: "b", port: second, models: { default: "b-small", planner: "b-large" } },
      ],
      waits,
    ).complete(request);

    expect(response.model).toBe("b-large");
    expect(first.asked).toEqual(["repo-model"]);
    expect(waits).toEqual([]);
  });

  it("moves to the next provider after the tries on one run out", async () => {
    const first = scripted([serverError(), serverError(), serverError()]);
    const second = scripted([]);

    await chain([
      { name: "a", port: first },
      { name: "b", port: second },
    ]).complete(request);

    expect(first.asked).toHaveLength(3);
    expect(second.asked).toHaveLength(1);
  });

  it("leaves a provider whose retry-after is longer than the longest wait for the next one", async () => {
    const waits: number[] = [];
    const second = scripted([]);

    await chain(
      [
        { name: "a", port: scripted([rateLimited(60_000)]) },
        { name: "b", port: second },
      ],
      waits,
    ).complete(request);

    expect(waits).toEqual([]);
    expect(second.asked).toHaveLength(1);
  });

  it("fails with a retryable error that names every provider when all fail and one may recover", async () => {
    const failure = await chain([
      { name: "a", port: scripted([quota()]) },
      { name: "b", port: scripted([rateLimited(60_000)]) },
    ])
      .complete(request)
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ModelCallError);
    expect(failure).toMatchObject({ retryable: true, retryAfterMs: 60_000, kind: "rate_limited" });
    expect(String((failure as Error).message)).toMatch(/a: quota; b: 429/);
  });

  it("fails without a retry when every provider's budget is spent", async () => {
    const failure = await chain([
      { name: "a", port: scripted([quota()]) },
      { name: "b", port: scripted([quota()]) },
    ])
      .complete(request)
      .catch((error: unknown) => error);

    expect(failure).toMatchObject({ retryable: false });
  });

  it("picks the model per role: the provider's role model, its default, then the one requested", () => {
    expect(modelOn({ coder: "c", default: "d" }, "coder", "r")).toBe("c");
    expect(modelOn({ default: "d" }, "coder", "r")).toBe("d");
    expect(modelOn(undefined, "coder", "r")).toBe("r");
  });
});

describe("the provider chain over the openai client", () => {
  it("falls over from a provider whose budget is spent to the next one, without retrying it", async () => {
    const primary = await startModelServer({ script: { faults: [{ kind: "insufficient_quota" }] } });
    const backup = await startModelServer({ script: { answers: [{ role: "planner", content: { tasks: [] } }] } });
    onTestFinished(async () => {
      await primary.stop();
      await backup.stop();
    });
    const model = createModel({
      providers: [
        { name: "primary", baseUrl: primary.url, apiKeyEnv: "K", apiKey: "k", ...DEFAULT_CAPABILITIES },
        { name: "backup", baseUrl: backup.url, apiKeyEnv: "K", apiKey: "k", ...DEFAULT_CAPABILITIES },
      ],
      timeoutMs: 5_000,
      log: pino({ level: "silent" }),
    });

    const response = await model.complete(request);

    expect(response.content).toBe('{"tasks":[]}');
    expect(primary.requests()).toHaveLength(1);
    expect(backup.requests()).toHaveLength(1);
  });

  it("retries a rate-limited provider after its retry-after and then gets the answer", async () => {
    const server = await startModelServer({
      script: {
        answers: [{ role: "planner", content: { tasks: [] } }],
        faults: [{ kind: "rate_limit", on: { nth: 1 }, retryAfterSeconds: 1 }],
      },
    });
    onTestFinished(() => server.stop());
    const model = createModel({
      providers: [{ name: "only", baseUrl: server.url, apiKeyEnv: "K", apiKey: "k", ...DEFAULT_CAPABILITIES }],
      timeoutMs: 5_000,
      log: pino({ level: "silent" }),
    });
    const started = Date.now();

    await model.complete(request);

    expect(server.requests().map((recorded) => recorded.status)).toEqual([429, 200]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });
});
