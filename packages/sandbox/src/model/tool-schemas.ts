import { z } from "zod";

/**
 * The tool-calling parts of a chat completion request, as `ChatCompletionCreateParams` in the
 * openai package types them (`resources/chat/completions`): `tools`, `tool_choice`,
 * `parallel_tool_calls`, and an assistant message's `tool_calls`. Other fields pass as sent.
 */

const FUNCTION_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

const FunctionDefinition = z.looseObject({
  name: z.string().regex(FUNCTION_NAME, { error: "expected a string that matches the pattern '^[a-zA-Z0-9_-]{1,64}$'" }),
  description: z.string().optional(),
  parameters: z.record(z.string(), z.unknown()).optional(),
  strict: z.boolean().nullish(),
});

const CustomDefinition = z.looseObject({
  name: z.string().min(1),
  description: z.string().optional(),
  format: z.looseObject({ type: z.enum(["text", "grammar"]) }).optional(),
});

export const Tool = z.discriminatedUnion("type", [
  z.looseObject({ type: z.literal("function"), function: FunctionDefinition }),
  z.looseObject({ type: z.literal("custom"), custom: CustomDefinition }),
]);
export type Tool = z.infer<typeof Tool>;

export const ToolChoice = z.union([
  z.enum(["none", "auto", "required"]),
  z.looseObject({ type: z.literal("function"), function: z.looseObject({ name: z.string() }) }),
  z.looseObject({ type: z.literal("custom"), custom: z.looseObject({ name: z.string() }) }),
  z.looseObject({
    type: z.literal("allowed_tools"),
    allowed_tools: z.looseObject({
      mode: z.enum(["auto", "required"]),
      tools: z.array(z.record(z.string(), z.unknown())),
    }),
  }),
]);
export type ToolChoice = z.infer<typeof ToolChoice>;

/** A call an earlier assistant message made, as the client sends it back. */
export const MessageToolCall = z.discriminatedUnion("type", [
  z.looseObject({
    id: z.string(),
    type: z.literal("function"),
    function: z.looseObject({ name: z.string(), arguments: z.string() }),
  }),
  z.looseObject({ id: z.string(), type: z.literal("custom"), custom: z.looseObject({ name: z.string(), input: z.string() }) }),
]);
export type MessageToolCall = z.infer<typeof MessageToolCall>;

/** The name a tool or a call goes by, whatever its type. */
export function toolNameOf(tool: Tool | MessageToolCall): string {
  return tool.type === "function" ? tool.function.name : tool.custom.name;
}
