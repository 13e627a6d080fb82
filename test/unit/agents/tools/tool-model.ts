import type { ChatMessage, ModelPort, ModelRequest, ModelResponse, ToolCall } from "../../../../src/ports/model.ts";

/** One scripted turn: an answer's content, tool calls (arguments as an object, or a raw string), or a function of the request. */
export type Turn =
  | { content: string | object; finishReason?: string }
  | { calls: Array<{ name: string; arguments: object | string }> }
  | ((request: ModelRequest) => Turn);

/** A model port that plays scripted turns, calling tools as a model with function calling does, and keeps every request. */
export class ToolModel implements ModelPort {
  readonly requests: ModelRequest[] = [];
  private readonly turns: Turn[];
  private callId = 0;

  constructor(turns: Turn[]) {
    this.turns = [...turns];
  }

  complete(request: ModelRequest): Promise<ModelResponse> {
    this.requests.push(structuredClone(request));
    let turn = this.turns.shift();
    while (typeof turn === "function") turn = turn(request);
    if (!turn) return Promise.reject(new Error(`no turn scripted for request ${this.requests.length} (${request.role})`));
    const base = { model: request.model, promptTokens: 1000, completionTokens: 100 };
    if ("calls" in turn) {
      const toolCalls: ToolCall[] = turn.calls.map((call) => ({
        id: `call_${(this.callId += 1)}`,
        name: call.name,
        arguments: typeof call.arguments === "string" ? call.arguments : JSON.stringify(call.arguments),
      }));
      return Promise.resolve({ ...base, content: "", finishReason: "tool_calls", toolCalls });
    }
    const content = typeof turn.content === "string" ? turn.content : JSON.stringify(turn.content);
    return Promise.resolve({ ...base, content, finishReason: turn.finishReason ?? "stop", toolCalls: [] });
  }

  get unused(): number {
    return this.turns.length;
  }
}

/** The tool results of a request, oldest first. */
export function toolResults(request: ModelRequest | undefined): string[] {
  return (request?.messages ?? []).filter((message: ChatMessage) => message.role === "tool").map((message) => message.content);
}

/** The latest tool results of a request: those after its last assistant message. */
export function latestResults(request: ModelRequest | undefined): string[] {
  const messages = request?.messages ?? [];
  const last = messages.findLastIndex((message) => message.role === "assistant");
  return messages
    .slice(last + 1)
    .filter((message) => message.role === "tool")
    .map((message) => message.content);
}
