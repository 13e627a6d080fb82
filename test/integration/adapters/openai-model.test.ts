import { describe, expect, it, onTestFinished } from "vitest";
import { OpenAiModel } from "../../../src/adapters/model/openai-model.ts";
import { ModelCallError } from "../../../src/ports/model-error.ts";
import type { ModelRequest } from "../../../src/ports/model.ts";
import { startModelServer, type ModelServerOptions } from "@foreman/sandbox";

const request: ModelRequest = {
  role: "planner",
  model: "gpt-4o-mini",
  messages: [
    { role: "system", content: "You are the planner. Answer in JSON." },
    { role: "user", content: "Plan the work." },
  ],
  json: true,
};

/** The adapter over a sandbox model server that stops at the end of the test; the client does not retry. */
async function modelFor(
  script: ModelServerOptions["script"],
): Promise<{ model: OpenAiModel; server: Awaited<ReturnType<typeof startModelServer>> }> {
  const server = await startModelServer({ script });
  onTestFinished(() => server.stop());
  return { model: new OpenAiModel({ baseUrl: server.url, apiKey: "sandbox-key", maxRetries: 0, timeoutMs: 10_000 }), server };
}

async function failureOf(promise: Promise<unknown>): Promise<ModelCallError> {
  const error = await promise.then(
    () => null,
    (failure: unknown) => failure,
  );
  if (error instanceof ModelCallError) return error;
  throw new Error(`expected a ModelCallError, got ${String(error)}`);
}

describe("OpenAiModel against the sandbox model server", () => {
  it("sends the role header and JSON mode, and returns the answer with its usage", async () => {
    const { model, server } = await modelFor({
      answers: [{ role: "planner", content: { summary: "s", tasks: [] }, usage: { prompt_tokens: 120, completion_tokens: 30 } }],
    });

    const response = await model.complete(request);

    expect(response).toEqual({
      content: '{"summary":"s","tasks":[]}',
      model: "gpt-4o-mini",
      promptTokens: 120,
      completionTokens: 30,
      finishReason: "stop",
      toolCalls: [],
    });
    const [recorded] = server.requests();
    expect(recorded).toMatchObject({ role: "planner", model: "gpt-4o-mini", responseFormat: { type: "json_object" }, unmatched: false });
    expect(recorded?.messages).toEqual(request.messages);
  });

  it("does not ask for JSON mode when the request does not want it", async () => {
    const { model, server } = await modelFor({ answers: [{ role: "coder", content: "plain text" }] });

    const response = await model.complete({ ...request, role: "coder", json: false });

    expect(response.content).toBe("plain text");
    expect(server.requests()[0]?.responseFormat).toBeNull();
  });

  it("reports the finish reason of a cut-off answer", async () => {
    const { model } = await modelFor({ answers: [{ role: "planner", content: "{}", finishReason: "length" }] });

    expect((await model.complete(request)).finishReason).toBe("length");
  });

  it("turns a 429 insufficient_quota into a ModelCallError that is not retryable", async () => {
    const { model } = await modelFor({ faults: [{ kind: "insufficient_quota" }] });

    const error = await failureOf(model.complete(request));

    expect(error).toMatchObject({ status: 429, retryable: false });
    expect(error.message).toContain("quota");
  });

  it("does not let the client retry a spent budget, even with retries on", async () => {
    const server = await startModelServer({ script: { faults: [{ kind: "insufficient_quota" }] } });
    onTestFinished(() => server.stop());
    const model = new OpenAiModel({ baseUrl: server.url, apiKey: "sandbox-key", maxRetries: 3, timeoutMs: 10_000 });

    const error = await failureOf(model.complete(request));

    expect(error).toMatchObject({ status: 429, retryable: false });
    expect(server.requests()).toHaveLength(1);
  });

  it("turns a 429 rate limit into a retryable ModelCallError with the server's delay", async () => {
    const { model } = await modelFor({ faults: [{ kind: "rate_limit", retryAfterSeconds: 3 }] });

    const error = await failureOf(model.complete(request));

    expect(error).toMatchObject({ status: 429, retryable: true, retryAfterMs: 3000 });
  });

  it("turns a 500 into a retryable ModelCallError when the client's own retries are off", async () => {
    const { model, server } = await modelFor({ faults: [{ kind: "server_error", status: 500 }] });

    const error = await failureOf(model.complete(request));

    expect(error).toMatchObject({ status: 500, retryable: true, retryAfterMs: null });
    expect(server.requests()).toHaveLength(1);
  });

  it("turns a dropped connection into a retryable ModelCallError without a status", async () => {
    const { model } = await modelFor({ faults: [{ kind: "timeout", delayMs: 10 }] });

    const error = await failureOf(model.complete(request));

    expect(error).toMatchObject({ status: null, retryable: true });
  });
});
