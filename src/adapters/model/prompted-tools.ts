import { readJsonAnswer } from "../../agents/answer-json.ts";
import type { ChatMessage, ModelPort, ModelRequest, ModelResponse, ToolCall, ToolSpec } from "../../ports/model.ts";

/** The protocol a model without native tool calling is taught, appended to the system prompt. */
function protocol(tools: readonly ToolSpec[]): string {
  const described = tools.map(
    (tool) => `- ${tool.name}: ${tool.description}\n  arguments (JSON schema): ${JSON.stringify(tool.parameters)}`,
  );
  return [
    "## Tools",
    "You can call these tools:",
    ...described,
    "",
    'To call a tool, answer with only this JSON object, and nothing else: {"tool": "<tool name>", "arguments": {...}}.',
    "One tool per answer; its result comes back in the next message. When you need no more tools, give your final answer as asked above.",
  ].join("\n");
}

/** A call as the model wrote it in this protocol, for the history. */
function callText(call: ToolCall): string {
  let args: unknown;
  try {
    args = JSON.parse(call.arguments) as unknown;
  } catch {
    args = call.arguments;
  }
  return JSON.stringify({ tool: call.name, arguments: args });
}

/** The conversation without tool messages: calls are the model's JSON, results are user messages. */
function promptedMessages(messages: readonly ChatMessage[], tools: readonly ToolSpec[]): ChatMessage[] {
  const names = new Map<string, string>();
  const out: ChatMessage[] = messages.map((message): ChatMessage => {
    if (message.role === "tool")
      return { role: "user", content: `Result of ${names.get(message.toolCallId) ?? "the tool"}:\n${message.content}` };
    if (message.role === "assistant" && "toolCalls" in message && message.toolCalls.length > 0) {
      for (const call of message.toolCalls) names.set(call.id, call.name);
      return { role: "assistant", content: message.toolCalls.map(callText).join("\n") };
    }
    return { role: message.role, content: message.content };
  });
  const system = out.findIndex((message) => message.role === "system");
  if (system === -1) return [{ role: "system", content: protocol(tools) }, ...out];
  const first = out[system];
  out[system] = { role: "system", content: `${first?.content ?? ""}\n\n${protocol(tools)}` };
  return out;
}

/** The tool call the answer asks for, if it is one: `{"tool": name, "arguments": {...}}` naming an offered tool. */
function callIn(content: string, tools: readonly ToolSpec[], id: string): ToolCall | null {
  const read = readJsonAnswer(content);
  if (!read.ok) return null;
  const { tool, arguments: args } = read.json;
  if (typeof tool !== "string" || !tools.some((offered) => offered.name === tool)) return null;
  return { id, name: tool, arguments: JSON.stringify(args ?? {}) };
}

function callsSoFar(messages: readonly ChatMessage[]): number {
  return messages.reduce((count, message) => count + ("toolCalls" in message ? message.toolCalls.length : 0), 0);
}

/**
 * Tools for a provider without native tool calling: they are described in the system prompt,
 * earlier calls and results are written into the conversation as plain messages, and an answer
 * that is a `{"tool": ..., "arguments": ...}` object comes back as a tool call. Callers see the
 * same port either way.
 */
export class PromptedToolsModel implements ModelPort {
  private readonly inner: ModelPort;
  constructor(inner: ModelPort) {
    this.inner = inner;
  }

  async complete(request: ModelRequest): Promise<ModelResponse> {
    const tools = request.tools ?? [];
    if (tools.length === 0) return this.inner.complete(request);
    const response = await this.inner.complete({
      role: request.role,
      model: request.model,
      messages: promptedMessages(request.messages, tools),
      // The answer may be a call instead of the final answer, so no answer schema binds it.
      json: request.json,
    });
    const call = callIn(response.content, tools, `call_${callsSoFar(request.messages) + 1}`);
    if (!call) return { ...response, toolCalls: [] };
    return { ...response, content: "", finishReason: "tool_calls", toolCalls: [call] };
  }
}
