import type OpenAI from "openai";
import type { ChatCompletionFunctionTool, ChatCompletionMessageParam } from "openai/resources/chat/completions";

/** The function tools an agent offers, as the product declares them. */
export const TOOLS: ChatCompletionFunctionTool[] = [
  functionTool("read_file", { path: { type: "string" } }),
  functionTool("search", { pattern: { type: "string" } }),
  functionTool("list_files", { path: { type: "string" } }),
];

function functionTool(name: string, properties: Record<string, unknown>): ChatCompletionFunctionTool {
  const parameters = { type: "object", properties, required: Object.keys(properties), additionalProperties: false };
  return { type: "function", function: { name, description: `The ${name} tool.`, parameters, strict: true } };
}

/** What a conversation did: the tool calls in order ("read_file src/a.js"), and the final answer's content. */
export type LoopResult = { calls: string[]; content: string | null };

type LoopOptions = { role: string; prompt: string; files: Record<string, string>; maxTurns?: number };

/**
 * An agent loop as the product runs one, against a repository held in memory: ask with the tools,
 * run each call the model makes, send the results back, until the model answers without calls.
 */
export async function runToolLoop(client: OpenAI, options: LoopOptions): Promise<LoopResult> {
  const messages: ChatCompletionMessageParam[] = [
    { role: "system", content: "You are a careful engineer. Use the tools, then answer in JSON." },
    { role: "user", content: options.prompt },
  ];
  const calls: string[] = [];
  for (let turn = 0; turn < (options.maxTurns ?? 8); turn += 1) {
    const completion = await client.chat.completions.create(
      { model: "sandbox-model", messages, tools: TOOLS },
      { headers: { "x-foreman-role": options.role } },
    );
    const message = completion.choices[0]?.message;
    const toolCalls = (message?.tool_calls ?? []).flatMap((call) => (call.type === "function" ? [call] : []));
    if (toolCalls.length === 0) return { calls, content: message?.content ?? null };
    messages.push({ role: "assistant", content: message?.content ?? null, tool_calls: toolCalls });
    for (const call of toolCalls) {
      const args = JSON.parse(call.function.arguments) as Record<string, string>;
      calls.push(`${call.function.name} ${Object.values(args).join(" ")}`);
      messages.push({ role: "tool", tool_call_id: call.id, content: runTool(call.function.name, args, options.files) });
    }
  }
  throw new Error("the conversation did not end within its turns");
}

function runTool(name: string, args: Record<string, string>, files: Record<string, string>): string {
  if (name === "read_file") return files[args["path"] ?? ""] ?? `no such file: ${args["path"]}`;
  if (name === "list_files") return Object.keys(files).join("\n");
  const pattern = new RegExp(args["pattern"] ?? "");
  const hits = Object.entries(files).flatMap(([path, text]) =>
    text.split("\n").flatMap((line, index) => (pattern.test(line) ? [`${path}:${index + 1}: ${line}`] : [])),
  );
  return hits.length > 0 ? hits.join("\n") : "no matches";
}
