import { z } from "zod";
import { formatPath } from "../scenario/scenario-error.ts";
import { invalidRequest, type ErrorAnswer } from "./openai-error.ts";

const ContentPart = z.looseObject({ type: z.string(), text: z.string().optional() });

const ChatMessage = z.looseObject({
  role: z.enum(["system", "developer", "user", "assistant", "tool", "function"]),
  content: z.union([z.string(), z.array(ContentPart), z.null()]).optional(),
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
});
export type ChatCompletionRequest = z.infer<typeof ChatCompletionRequest>;

/** A message reduced to its role and text. */
export type MessageText = { role: string; content: string };

export function messageTexts(request: ChatCompletionRequest): MessageText[] {
  return request.messages.map((message) => ({ role: message.role, content: textOf(message.content) }));
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
  if (issue.code === "invalid_type" && issue.input === undefined) {
    return { reject: invalidRequest(`Missing required parameter: '${param}'.`, param, "missing_required_parameter") };
  }
  return { reject: invalidRequest(`Invalid value for '${param}': ${issue.message}`, param, "invalid_value") };
}
