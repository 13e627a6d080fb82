import { z } from "zod";

/** Text that must appear; with a list, every item must appear. */
export const Needles = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)], {
  error: "expected a string or a list of strings",
});
export type Needles = z.infer<typeof Needles>;

/** A JavaScript regular expression, checked to compile. */
export const RegexSource = z
  .string()
  .min(1)
  .refine((source) => compiles(source), { error: "expected a valid regular expression" });

/** A function name as OpenAI's chat completions API accepts it in `tools`. */
const ToolName = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: "expected a tool name: 1 to 64 letters, digits, _ or -" });

/** One call a scripted answer makes: the tool's name and its arguments. */
export const ScriptedToolCall = z.strictObject({
  name: ToolName,
  /** A string is sent as is (to script malformed arguments); any other value as its JSON text. */
  arguments: z.json({ error: "expected the call's arguments (a mapping, or a string sent as is)" }).default({}),
});
export type ScriptedToolCall = z.infer<typeof ScriptedToolCall>;

/**
 * Which tool results a request must carry. A tool result is a `role: "tool"` message; its tool is
 * the one the assistant message it answers called. Every given field must fit.
 */
export const ToolResultMatch = z.strictObject({
  /** Only results of this tool count. */
  tool: ToolName.optional(),
  /** Text that must appear in some counted result; with a list, every item must (each in any counted result). */
  contains: Needles.optional(),
  /** A JavaScript regular expression that some counted result matches. */
  regex: RegexSource.optional(),
});
export type ToolResultMatch = z.infer<typeof ToolResultMatch>;

function compiles(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}
