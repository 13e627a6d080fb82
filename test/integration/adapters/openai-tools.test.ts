import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { pino } from "pino";
import { describe, expect, it, onTestFinished } from "vitest";
import { createModel } from "../../../src/adapters/model/create-model.ts";
import { OpenAiModel } from "../../../src/adapters/model/openai-model.ts";
import type { ResolvedProvider } from "../../../src/adapters/model/providers.ts";
import type { ModelRequest, ToolSpec } from "../../../src/ports/model.ts";

type Body = Record<string, unknown> & { messages: Array<Record<string, unknown>> };
type Reply = { content: string | null; tool_calls?: unknown[]; finish_reason?: string };

/** A chat completions endpoint over real HTTP that records each request body and answers from a queue. */
async function chatServer(replies: Reply[]): Promise<{ url: string; bodies: Body[] }> {
  const bodies: Body[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Body;
      bodies.push(body);
      const reply = replies.shift() ?? { content: "no reply queued" };
      const message = { role: "assistant", content: reply.content, ...(reply.tool_calls ? { tool_calls: reply.tool_calls } : {}) };
      response.writeHead(200, { "content-type": "application/json" });
      response.end(
        JSON.stringify({
          id: `chatcmpl-${bodies.length}`,
          object: "chat.completion",
          created: 1,
          model: String(body["model"]),
          choices: [{ index: 0, message, finish_reason: reply.finish_reason ?? "stop" }],
          usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, bodies };
}

const readFile: ToolSpec = {
  name: "read_file",
  description: "Read a file of the repository at the task's base.",
  parameters: { type: "object", properties: { path: { type: "string" } }, required: ["path"], additionalProperties: false },
};

/** A conversation in which the model already called a tool and got its result. */
const request: ModelRequest = {
  role: "coder",
  model: "gpt-4o-mini",
  json: true,
  tools: [readFile],
  schema: { name: "coder_answer", schema: { type: "object", properties: {}, required: [], additionalProperties: false } },
  messages: [
    { role: "system", content: "You are the coder. Answer in JSON." },
    { role: "user", content: "Fix the parser." },
    { role: "assistant", content: "", toolCalls: [{ id: "call_1", name: "read_file", arguments: '{"path":"src/parse.ts"}' }] },
    { role: "tool", toolCallId: "call_1", content: "export const parse = () => 1;" },
  ],
};

function provider(url: string, capabilities: Pick<ResolvedProvider, "structuredOutput" | "toolCalling">): ResolvedProvider {
  return { name: "p", baseUrl: url, apiKeyEnv: "K", apiKey: "k", ...capabilities };
}

describe("OpenAiModel and tools, over HTTP", () => {
  it("sends tools, the earlier call and its result as chat completions defines them, and returns the new tool calls", async () => {
    const { url, bodies } = await chatServer([
      {
        content: null,
        finish_reason: "tool_calls",
        tool_calls: [
          { id: "call_2", type: "function", function: { name: "read_file", arguments: '{"path":"test/parse.test.ts"}' } },
          { id: "call_3", type: "function", function: { name: "read_file", arguments: '{"path":"src/index.ts"' } },
        ],
      },
    ]);
    const model = new OpenAiModel({ baseUrl: url, apiKey: "k", maxRetries: 0, structuredOutput: "json_schema" });

    const response = await model.complete(request);

    expect(response).toMatchObject({
      content: "",
      finishReason: "tool_calls",
      toolCalls: [
        { id: "call_2", name: "read_file", arguments: '{"path":"test/parse.test.ts"}' },
        { id: "call_3", name: "read_file", arguments: '{"path":"src/index.ts"' },
      ],
    });
    const [body] = bodies;
    expect(body?.["tools"]).toEqual([{ type: "function", function: readFile }]);
    expect(body?.messages.slice(2)).toEqual([
      {
        role: "assistant",
        content: null,
        tool_calls: [{ id: "call_1", type: "function", function: { name: "read_file", arguments: '{"path":"src/parse.ts"}' } }],
      },
      { role: "tool", tool_call_id: "call_1", content: "export const parse = () => 1;" },
    ]);
    expect(body?.["response_format"]).toEqual({
      type: "json_schema",
      json_schema: { name: "coder_answer", schema: request.schema?.schema, strict: true },
    });
  });

  it("asks a provider without strict schemas for JSON mode, and one without JSON mode for nothing", async () => {
    const { url, bodies } = await chatServer([{ content: "{}" }, { content: "{}" }]);

    await new OpenAiModel({ baseUrl: url, apiKey: "k", maxRetries: 0, structuredOutput: "json_object" }).complete(request);
    await new OpenAiModel({ baseUrl: url, apiKey: "k", maxRetries: 0, structuredOutput: "none" }).complete(request);

    expect(bodies.map((body) => body["response_format"])).toEqual([{ type: "json_object" }, undefined]);
  });

  it("sends no tools and gives no tool calls when none are offered", async () => {
    const { url, bodies } = await chatServer([{ content: '{"summary":"s"}' }]);
    const model = createModel({
      providers: [provider(url, { structuredOutput: "json_object", toolCalling: true })],
      timeoutMs: 5_000,
      log: pino({ level: "silent" }),
    });

    const response = await model.complete({
      role: "planner",
      model: "m",
      json: true,
      messages: [{ role: "user", content: "Plan, in JSON." }],
    });

    expect(response.toolCalls).toEqual([]);
    expect(bodies[0]).not.toHaveProperty("tools");
  });
});

describe("a provider without tool calling", () => {
  async function promptedModel(
    replies: Reply[],
  ): Promise<{ bodies: Body[]; complete: (req: ModelRequest) => ReturnType<OpenAiModel["complete"]> }> {
    const { url, bodies } = await chatServer(replies);
    const model = createModel({
      providers: [provider(url, { structuredOutput: "json_schema", toolCalling: false })],
      timeoutMs: 5_000,
      log: pino({ level: "silent" }),
    });
    return { bodies, complete: (req) => model.complete(req) };
  }

  it("gets the tools in its system prompt and the conversation as plain messages", async () => {
    const { bodies, complete } = await promptedModel([{ content: '{"summary": "done", "edits": []}' }]);

    await complete(request);

    const [body] = bodies;
    expect(body).not.toHaveProperty("tools");
    expect(body?.["response_format"]).toEqual({ type: "json_object" });
    const [system, user, call, result] = body?.messages ?? [];
    expect(system?.["content"]).toContain("You are the coder. Answer in JSON.");
    expect(system?.["content"]).toContain("- read_file: Read a file of the repository at the task's base.");
    expect(system?.["content"]).toContain('{"tool": "<tool name>", "arguments": {...}}');
    expect(user).toEqual({ role: "user", content: "Fix the parser." });
    expect(call).toEqual({ role: "assistant", content: '{"tool":"read_file","arguments":{"path":"src/parse.ts"}}' });
    expect(result).toEqual({ role: "user", content: "Result of read_file:\nexport const parse = () => 1;" });
  });

  it("turns an action written in prose and a fence into a tool call", async () => {
    const { complete } = await promptedModel([
      { content: 'I should read the test first.\n```json\n{"tool": "read_file", "arguments": {"path": "test/parse.test.ts"},}\n```' },
    ]);

    const response = await complete(request);

    expect(response).toMatchObject({
      content: "",
      finishReason: "tool_calls",
      toolCalls: [{ id: "call_2", name: "read_file", arguments: '{"path":"test/parse.test.ts"}' }],
    });
  });

  it("passes a final answer through, and an action naming a tool not offered is an answer too", async () => {
    const { complete } = await promptedModel([
      { content: '{"summary": "done", "edits": []}' },
      { content: '{"tool": "rm_rf", "arguments": {}}' },
    ]);

    const final = await complete(request);
    const unknown = await complete(request);

    expect(final).toMatchObject({ content: '{"summary": "done", "edits": []}', toolCalls: [], finishReason: "stop" });
    expect(unknown).toMatchObject({ content: '{"tool": "rm_rf", "arguments": {}}', toolCalls: [] });
  });
});
