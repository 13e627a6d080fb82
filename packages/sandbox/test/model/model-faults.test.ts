import OpenAI from "openai";
import { describe, expect, it, vi } from "vitest";
import { apiFailureOf, ask, failureOf, startForTest } from "./model-server-harness.ts";

const planAnswer = { role: "planner" as const, content: { tasks: [{ id: "a" }, { id: "b" }] } };

describe("model server faults", () => {
  it("answers a rate limit with 429, retry-after headers and the rate_limit_exceeded code", async () => {
    const { server } = await startForTest({
      script: { answers: [planAnswer], faults: [{ kind: "rate_limit", on: { nth: 1 }, retryAfterSeconds: 1.5 }] },
    });

    const response = await fetch(`${server.url}/chat/completions`, {
      method: "POST",
      headers: { authorization: "Bearer sandbox", "content-type": "application/json" },
      body: JSON.stringify({ model: "m", messages: [{ role: "user", content: "plan" }] }),
    });

    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("2");
    expect(response.headers.get("retry-after-ms")).toBe("1500");
    expect(await response.json()).toMatchObject({ error: { type: "rate_limit_exceeded", code: "rate_limit_exceeded" } });
  });

  it("lets the openai client retry a rate limit after retry-after and then get the answer", async () => {
    const { server } = await startForTest({
      script: { answers: [planAnswer], faults: [{ kind: "rate_limit", on: { nth: 1 }, retryAfterSeconds: 0 }] },
    });
    const client = new OpenAI({ baseURL: server.url, apiKey: "sandbox", maxRetries: 2 });

    const completion = await ask(client, { role: "planner" });

    expect(JSON.parse(completion.choices[0]?.message.content ?? "")).toEqual(planAnswer.content);
    expect(server.requests().map((request) => [request.status, request.fault, request.answerId])).toEqual([
      [429, "rate_limit", null],
      [200, null, "answers[0]"],
    ]);
  });

  it("fails a request with a server error without using up its answer", async () => {
    const { server, client } = await startForTest({
      script: { answers: [planAnswer], faults: [{ kind: "server_error", on: { role: "planner", times: 1 } }] },
    });

    const error = await apiFailureOf(ask(client, { role: "planner" }));
    const completion = await ask(client, { role: "planner" });

    expect(error).toBeInstanceOf(OpenAI.InternalServerError);
    expect(error.status).toBe(500);
    expect(completion.choices[0]?.message.content).toContain('"tasks"');
    expect(server.requests().map((request) => request.fault)).toEqual(["server_error", null]);
  });

  it("answers the status a server_error fault names", async () => {
    const { client } = await startForTest({ script: { faults: [{ kind: "server_error", status: 503 }] } });

    const error = await apiFailureOf(ask(client));

    expect(error.status).toBe(503);
  });

  it("holds a timed-out request, then hangs up without an answer and without using the answer", async () => {
    const { server, client } = await startForTest({
      script: { answers: [planAnswer], faults: [{ kind: "timeout", on: { nth: 1 }, delayMs: 100 }] },
    });

    const startedAt = Date.now();
    const error = await apiFailureOf(ask(client, { role: "planner" }));
    const held = Date.now() - startedAt;
    const completion = await ask(client, { role: "planner" });

    expect(error).toBeInstanceOf(OpenAI.APIConnectionError);
    expect(held).toBeGreaterThanOrEqual(90);
    expect(completion.choices[0]?.message.content).toContain('"tasks"');
    expect(server.requests().map((request) => [request.fault, request.status])).toEqual([
      ["timeout", null],
      [null, 200],
    ]);
  });

  it("lets the client's own timeout end a held request, and stops promptly while one is held", async () => {
    const { server } = await startForTest({ script: { faults: [{ kind: "timeout", delayMs: 60_000 }] } });
    const client = new OpenAI({ baseURL: server.url, apiKey: "sandbox", maxRetries: 0, timeout: 100 });

    const error = await apiFailureOf(ask(client));
    const pending = ask(new OpenAI({ baseURL: server.url, apiKey: "sandbox", maxRetries: 0 }));
    await vi.waitFor(() => expect(server.requests()).toHaveLength(2));
    const stopStartedAt = Date.now();
    await server.stop();
    const stoppedIn = Date.now() - stopStartedAt;

    expect(error).toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
    expect(await failureOf(pending)).toBeInstanceOf(OpenAI.APIConnectionError);
    expect(stoppedIn).toBeLessThan(1_000);
  });

  it("sends text that is not JSON in place of the answer, using the answer up", async () => {
    const { server, client } = await startForTest({
      script: { answers: [planAnswer], faults: [{ kind: "malformed_json", on: { role: "planner" } }] },
    });

    const completion = await ask(client, { role: "planner", response_format: { type: "json_object" } });

    expect(() => JSON.parse(completion.choices[0]?.message.content ?? "") as unknown).toThrow(SyntaxError);
    expect(server.requests()[0]).toMatchObject({ status: 200, fault: "malformed_json", answerId: "answers[0]", jsonValid: false });
    expect(server.remaining()).toEqual([]);
  });

  it("cuts the answer in half and finishes with length for a truncated_json fault", async () => {
    const content = { tasks: [{ id: "a" }, { id: "b" }] };
    const { server, client } = await startForTest({
      script: { answers: [{ content }], faults: [{ kind: "truncated_json", on: { nth: 1 } }] },
    });

    const completion = await ask(client, { response_format: { type: "json_object" } });

    const full = JSON.stringify(content);
    expect(completion.choices[0]?.message.content).toBe(full.slice(0, Math.ceil(full.length / 2)));
    expect(completion.choices[0]?.finish_reason).toBe("length");
    expect(server.requests()[0]).toMatchObject({ fault: "truncated_json", finishReason: "length", jsonValid: false });
  });

  it("answers insufficient_quota with a 429 whose code says so", async () => {
    const { server, client } = await startForTest({
      script: { answers: [planAnswer], faults: [{ kind: "insufficient_quota", on: { nth: 1 } }] },
    });

    const error = await apiFailureOf(ask(client, { role: "planner" }));

    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect(error.code).toBe("insufficient_quota");
    expect(error.type).toBe("insufficient_quota");
    expect(server.remaining()).toHaveLength(1);
  });

  it("tells the openai client not to retry when a fault sets shouldRetry: false", async () => {
    const { server } = await startForTest({
      script: { answers: [planAnswer], faults: [{ kind: "insufficient_quota", shouldRetry: false }] },
    });
    const client = new OpenAI({ baseURL: server.url, apiKey: "sandbox", maxRetries: 2 });

    const error = await apiFailureOf(ask(client, { role: "planner" }));

    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect(server.requests()).toHaveLength(1);
  });

  it("counts nth over all chat requests, whatever their role", async () => {
    const { server, client } = await startForTest({
      script: { answers: [{ repeat: true, content: "x" }], faults: [{ kind: "server_error", on: { nth: 3 } }] },
    });

    for (const role of ["engineer", "planner", "coder", "reviewer"]) await ask(client, { role }).catch(() => undefined);

    expect(server.requests().map((request) => request.status)).toEqual([200, 200, 500, 200]);
  });

  it("applies faults added while running", async () => {
    const { server, client } = await startForTest({ script: { answers: [{ repeat: true, content: "x" }] } });

    await ask(client);
    server.addFaults([{ kind: "server_error", on: { nth: 1 } }]);
    const error = await apiFailureOf(ask(client));

    expect(error.status).toBe(500);
  });

  it("hits the same requests on every run for the same probability and seed", async () => {
    const statuses = async (): Promise<(number | null)[]> => {
      const { server, client } = await startForTest({
        script: { answers: [{ repeat: true, content: "x" }], faults: [{ kind: "server_error", on: { probability: 0.5, seed: 42 } }] },
      });
      for (let index = 0; index < 12; index += 1) await ask(client).catch(() => undefined);
      return server.requests().map((request) => request.status);
    };

    const first = await statuses();
    const second = await statuses();

    expect(first).toEqual(second);
    expect(first).toContain(500);
    expect(first).toContain(200);
  });
});
