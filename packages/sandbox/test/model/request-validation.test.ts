import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { apiFailureOf, ask, failureOf, startForTest } from "./model-server-harness.ts";

async function post(
  url: string,
  body: string,
  headers: Record<string, string> = { authorization: "Bearer sandbox" },
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${url}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
  return { status: response.status, body: await response.json() };
}

describe("model server request validation", () => {
  it("refuses a body without messages with OpenAI's error shape", async () => {
    const { server } = await startForTest({ script: { answers: [{ content: "x" }] } });

    const response = await post(server.url, JSON.stringify({ model: "m" }));

    expect(response).toEqual({
      status: 400,
      body: {
        error: {
          message: "Missing required parameter: 'messages'.",
          type: "invalid_request_error",
          param: "messages",
          code: "missing_required_parameter",
        },
      },
    });
    expect(server.requests()[0]).toMatchObject({ status: 400, error: "Missing required parameter: 'messages'." });
    expect(server.remaining()).toHaveLength(1);
  });

  it("refuses a message with an unknown role, naming the parameter", async () => {
    const { server } = await startForTest({ script: {} });

    const response = await post(server.url, JSON.stringify({ model: "m", messages: [{ role: "robot", content: "hi" }] }));

    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { type: "invalid_request_error", param: "messages[0].role", code: "invalid_value" } });
  });

  it("refuses a body that is not JSON", async () => {
    const { server } = await startForTest({ script: {} });

    const response = await post(server.url, "{ nope");

    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { type: "invalid_request_error", param: null } });
    expect((response.body as { error: { message: string } }).error.message).toContain("could not parse the JSON body");
  });

  it("refuses a request without an API key", async () => {
    const { server } = await startForTest({ script: {} });

    const response = await post(server.url, JSON.stringify({ model: "m", messages: [{ role: "user", content: "hi" }] }), {});

    expect(response.status).toBe(401);
    expect(server.requests()[0]?.status).toBe(401);
  });

  it("refuses streaming", async () => {
    const { client } = await startForTest({ script: { answers: [{ content: "x" }] } });

    const error = await apiFailureOf(
      client.chat.completions.create({ model: "m", messages: [{ role: "user", content: "hi" }], stream: true }),
    );

    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error.message).toContain("streaming is not supported by the sandbox");
  });

  it("answers 404 in OpenAI's shape for an unknown route", async () => {
    const { server } = await startForTest({ script: {} });

    const response = await fetch(`${server.url}/embeddings`, { method: "POST", body: "{}" });

    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { message: "Invalid URL (POST /v1/embeddings)", type: "invalid_request_error", param: null, code: null },
    });
  });

  it("accepts content given as a list of text parts", async () => {
    const { server, client } = await startForTest({ script: { answers: [{ match: { contains: "part two" }, content: "ok" }] } });

    const completion = await client.chat.completions.create({
      model: "m",
      messages: [
        {
          role: "user",
          content: [
            { type: "text", text: "part one" },
            { type: "text", text: "part two" },
          ],
        },
      ],
    });

    expect(completion.choices[0]?.message.content).toBe("ok");
    expect(server.requests()[0]?.messages).toEqual([{ role: "user", content: "part one\npart two" }]);
  });

  it("counts a refused request in the records but does not give it an answer", async () => {
    const { server, client } = await startForTest({ script: { answers: [{ content: "x" }] } });

    await failureOf(ask(client, { stream: false, messages: [] }));
    const completion = await ask(client);

    expect(completion.choices[0]?.message.content).toBe("x");
    expect(server.requests().map((request) => [request.seq, request.status])).toEqual([
      [1, 400],
      [2, 200],
    ]);
  });
});
