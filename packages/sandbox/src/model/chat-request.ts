import { z } from "zod";
import { formatPath } from "../scenario/scenario-error.ts";
import { invalidRequest, type ErrorAnswer } from "./openai-error.ts";
import { MessageToolCall, Tool, ToolChoice, toolNameOf } from "./tool-schemas.ts";

const ContentPart = z.looseObject({ type: z.string(), text: z.string().optional() });

const ChatMessage = z.looseObject({
  role: z.enum(["system", "developer", "user", "assistant", "tool", "function"]),
  content: z.union([z.string(), z.array(ContentPart), z.null()]).optional(),
  /** On a `tool` message: the call it answers. */
  tool_call_id: z.string().optional(),
  /** On an `assistant` message: the calls it made. */
  tool_calls: z.array(MessageToolCall).min(1).optional(),
});
type ChatMessage = z.infer<typeof ChatMessage>;

export const ResponseFormat = z.discriminatedUnion("type", [
  z.looseObject({ type: z.literal("text") }),
  z.looseObject({ type: z.literal("json_object") }),
  z.looseObject({
    type: z.literal("json_schema"),
    json_schema: z.looseObject({
      name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
      description: z.string().optional(),
      schema: z.record(z.string(), z.unknown()).optional(),
      strict: z.boolean().nullish(),
    }),
  }),
]);
export type ResponseFormat = z.infer<typeof ResponseFormat>;

/** The part of a chat completion request the sandbox reads; other fields are accepted as sent. */
export const ChatCompletionRequest = z.looseObject({
  model: z.string().min(1),
  messages: z.array(ChatMessage).min(1),
  response_format: ResponseFormat.optional(),
  stream: z.boolean().nullish(),
  tools: z.array(Tool).min(1).optional(),
  tool_choice: ToolChoice.optional(),
  parallel_tool_calls: z.boolean().optional(),
});
export type ChatCompletionRequest = z.infer<typeof ChatCompletionRequest>;

/** A call an assistant message made, reduced to its id, tool name and arguments (a custom tool's input). */
type CallText = { id: string; name: string; arguments: string };

/** A message reduced to its role and text, and the tool calls it made or answers. */
export type MessageText = { role: string; content: string; toolCalls?: CallText[]; toolCallId?: string };

export function messageTexts(request: ChatCompletionRequest): MessageText[] {
  return request.messages.map((message) => {
    const text: MessageText = { role: message.role, content: textOf(message.content) };
    if (message.tool_calls) text.toolCalls = message.tool_calls.map(callText);
    if (message.role === "tool" && message.tool_call_id !== undefined) text.toolCallId = message.tool_call_id;
    return text;
  });
}

function callText(call: MessageToolCall): CallText {
  const input = call.type === "function" ? call.function.arguments : call.custom.input;
  return { id: call.id, name: toolNameOf(call), arguments: input };
}

function textOf(content: ChatMessage["content"]): string {
  if (typeof content === "string") return content;
  if (!content) return "";
  return content.map((part) => part.text ?? "").join("\n");
}

/** Validates a request body; answers the 400 OpenAI would send for the first problem. */
export function readChatRequest(body: unknown): { request: ChatCompletionRequest } | { reject: ErrorAnswer } {
  const parsed = ChatCompletionRequest.safeParse(body, { reportInput: true });
  if (parsed.success) return { request: parsed.data };
  const [issue] = parsed.error.issues;
  if (!issue) return { reject: invalidRequest("Invalid request body.") };
  const param = formatPath(issue.path.map((segment) => (typeof segment === "symbol" ? String(segment) : segment)));
  if (param === "") return { reject: invalidRequest("The request body must be a JSON object.") };
  if (issue.code === "too_small" && issue.origin === "array" && Number(issue.minimum) === 1) {
    const message = `Invalid '${param}': empty array. Expected an array with minimum length 1, but got an empty array instead.`;
    return { reject: invalidRequest(message, param, "empty_array") };
  }
  if (issue.code === "invalid_type" && issue.input === undefined) {
    return { reject: invalidRequest(`Missing required parameter: '${param}'.`, param, "missing_required_parameter") };
  }
  return { reject: invalidRequest(`Invalid value for '${param}': ${issue.message}`, param, "invalid_value") };
}
