import { describe, expect, it } from "vitest";
import type { ModelServer } from "../../src/model/index.ts";
import { startForTest } from "./model-server-harness.ts";
import { TOOLS } from "./tool-loop.ts";

async function send(server: ModelServer, body: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${server.url}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: "Bearer sandbox" },
    body: JSON.stringify({ model: "m", ...body }),
  });
  return { status: response.status, body: await response.json() };
}

const user = { role: "user", content: "Fix the totals." };
const read = (id: string, path = "src/cart.js") => ({
  id,
  type: "function",
  function: { name: "read_file", arguments: JSON.stringify({ path }) },
});
const calling = (...calls: ReturnType<typeof read>[]) => ({ role: "assistant", content: null, tool_calls: calls });
const result = (id: string) => ({ role: "tool", tool_call_id: id, content: "export function total() {}" });

/** The 400 OpenAI sends, with its message, param and code. */
function refusal(message: string, param: string, code: string | null = null) {
  return { status: 400, body: { error: { message, type: "invalid_request_error", param, code } } };
}

describe("model server validation of tool calling", () => {
  it("accepts a conversation whose tool messages answer each call of the assistant message before them", async () => {
    const { server } = await startForTest({ script: { answers: [{ content: "done" }] } });

    const answer = await send(server, {
      tools: TOOLS,
      messages: [user, calling(read("call_a"), read("call_b", "b.js")), result("call_b"), result("call_a")],
    });

    expect(answer.status).toBe(200);
    expect(server.requests()[0]).toMatchObject({ turn: 1, toolResults: 2, tools: ["read_file", "search", "list_files"] });
    expect(server.requests()[0]?.messages[1]).toMatchObject({
      role: "assistant",
      toolCalls: [{ id: "call_a", name: "read_file" }, { id: "call_b" }],
    });
    expect(server.requests()[0]?.messages[2]).toEqual({ role: "tool", content: "export function total() {}", toolCallId: "call_b" });
  });

  it.each([
    [
      "a tool message with no assistant tool calls before it",
      { messages: [user, result("call_a")] },
      refusal(
        "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.",
        "messages.[1].role",
      ),
    ],
    [
      "a tool message whose tool_call_id answers no call of the message before",
      { messages: [user, calling(read("call_a")), result("call_z")] },
      refusal("Invalid parameter: 'tool_call_id' of 'call_z' not found in 'tool_calls' of previous message.", "messages.[2].tool_call_id"),
    ],
    [
      "a tool message after a user message that followed the calls",
      { messages: [user, calling(read("call_a")), user, result("call_a")] },
      refusal(
        "An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: call_a",
        "messages.[1].role",
      ),
    ],
    [
      "calls left unanswered at the end",
      { messages: [user, calling(read("call_a"), read("call_b")), result("call_a")] },
      refusal(
        "An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: call_b",
        "messages.[1].role",
      ),
    ],
    [
      "a tool message without tool_call_id",
      { messages: [user, calling(read("call_a")), { role: "tool", content: "x" }] },
      refusal("Missing required parameter: 'messages[2].tool_call_id'.", "messages[2].tool_call_id", "missing_required_parameter"),
    ],
    [
      "an assistant message with an empty tool_calls list",
      { messages: [user, { role: "assistant", content: "x", tool_calls: [] }] },
      refusal(
        "Invalid 'messages[1].tool_calls': empty array. Expected an array with minimum length 1, but got an empty array instead.",
        "messages[1].tool_calls",
        "empty_array",
      ),
    ],
    [
      "an empty tools list",
      { messages: [user], tools: [] },
      refusal(
        "Invalid 'tools': empty array. Expected an array with minimum length 1, but got an empty array instead.",
        "tools",
        "empty_array",
      ),
    ],
    [
      "tool_choice without tools",
      { messages: [user], tool_choice: "auto" },
      refusal("Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are specified.", "tool_choice"),
    ],
    [
      "parallel_tool_calls without tools",
      { messages: [user], parallel_tool_calls: false },
      refusal(
        "Invalid value for 'parallel_tool_calls': 'parallel_tool_calls' is only allowed when 'tools' are specified.",
        "parallel_tool_calls",
      ),
    ],
    [
      "a tool_choice naming a function the tools do not declare",
      { messages: [user], tools: TOOLS, tool_choice: { type: "function", function: { name: "delete_repo" } } },
      refusal(
        "Invalid value for 'tool_choice': the function 'delete_repo' is not one of the 'tools'.",
        "tool_choice.function.name",
        "invalid_value",
      ),
    ],
  ])("refuses %s as OpenAI does", async (_name, body, expected) => {
    const { server } = await startForTest({ script: { answers: [{ content: "done", repeat: true }] } });

    const answer = await send(server, body);

    expect(answer).toEqual(expected);
    expect(server.requests()[0]).toMatchObject({ status: 400, answerId: null, error: expected.body.error.message });
  });

  it("refuses a function name OpenAI would not accept, naming the parameter", async () => {
    const { server } = await startForTest({ script: { answers: [{ content: "done" }] } });

    const answer = await send(server, { messages: [user], tools: [{ type: "function", function: { name: "read file" } }] });

    expect(answer).toMatchObject({ status: 400, body: { error: { param: "tools[0].function.name", code: "invalid_value" } } });
  });

  it("refuses a strict function whose parameters break the structured-outputs rules", async () => {
    const { server } = await startForTest({ script: { answers: [{ content: "done" }] } });
    const loose = { type: "object", properties: { path: { type: "string" } }, required: ["path"] };

    const answer = await send(server, {
      messages: [user],
      tools: [{ type: "function", function: { name: "read_file", parameters: loose, strict: true } }],
    });

    expect(answer).toEqual(
      refusal(
        "Invalid schema for function 'read_file': In context=(), 'additionalProperties' is required to be supplied and to be false.",
        "tools[0].function.parameters",
        "invalid_function_parameters",
      ),
    );
  });

  it("accepts history that calls a tool the request no longer declares, as OpenAI does", async () => {
    const { server } = await startForTest({ script: { answers: [{ content: "done" }] } });

    const answer = await send(server, { messages: [user, calling(read("call_a")), result("call_a")] });

    expect(answer.status).toBe(200);
    expect(server.requests()[0]).toMatchObject({ tools: [], toolResults: 1 });
  });
});
