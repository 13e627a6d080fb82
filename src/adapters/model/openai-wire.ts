import type {
  ChatCompletion,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionMessageParam,
  ChatCompletionTool,
} from "openai/resources/chat/completions";
import type { ChatMessage, ModelRequest, ToolCall, ToolSpec } from "../../ports/model.ts";

/** How a provider is asked for a JSON answer: a strict schema, JSON mode, or only by the prompt. */
export type StructuredOutput = "json_schema" | "json_object" | "none";

/** One message of the port as the chat completions API takes it. */
function toWireMessage(message: ChatMessage): ChatCompletionMessageParam {
  if (message.role === "tool") return { role: "tool", tool_call_id: message.toolCallId, content: message.content };
  if (message.role === "assistant" && "toolCalls" in message && message.toolCalls.length > 0)
    return {
      role: "assistant",
      content: message.content === "" ? null : message.content,
      tool_calls: message.toolCalls.map((call) => ({
        id: call.id,
        type: "function",
        function: { name: call.name, arguments: call.arguments },
      })),
    };
  return { role: message.role, content: message.content };
}

function toWireTool(tool: ToolSpec): ChatCompletionTool {
  return { type: "function", function: { name: tool.name, description: tool.description, parameters: tool.parameters } };
}

function responseFormat(
  request: ModelRequest,
  structuredOutput: StructuredOutput,
): Pick<ChatCompletionCreateParamsNonStreaming, "response_format"> {
  if (!request.json || structuredOutput === "none") return {};
  if (request.schema && structuredOutput === "json_schema")
    return {
      response_format: {
        type: "json_schema",
        json_schema: { name: request.schema.name, schema: request.schema.schema, strict: true },
      },
    };
  return { response_format: { type: "json_object" } };
}

/** The chat completions request body for a port request. */
export function toWireRequest(request: ModelRequest, structuredOutput: StructuredOutput): ChatCompletionCreateParamsNonStreaming {
  return {
    model: request.model,
    messages: request.messages.map(toWireMessage),
    ...(request.tools && request.tools.length > 0 ? { tools: request.tools.map(toWireTool) } : {}),
    ...responseFormat(request, structuredOutput),
  };
}

/** The function calls of the first choice, in order (other kinds of tool call are not offered, so not expected). */
export function toolCallsOf(completion: ChatCompletion): ToolCall[] {
  const calls = completion.choices[0]?.message.tool_calls ?? [];
  return calls.flatMap((call) =>
    call.type === "function" ? [{ id: call.id, name: call.function.name, arguments: call.function.arguments }] : [],
  );
}
