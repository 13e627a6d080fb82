import type { AnswerUsage } from "../scenario/model-script.ts";
import type { MessageText } from "./chat-request.ts";

export type Usage = { prompt_tokens: number; completion_tokens: number; total_tokens: number };

export type FinishReason = "stop" | "length" | "content_filter" | "tool_calls";

/** A tool call as the server sends it, with its generated id. */
export type SentToolCall = { id: string; name: string; arguments: string };

/** A rough token count: one token per four characters, rounded up. */
function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/**
 * The scripted usage when given, else an estimate from the prompt (messages, their tool calls, and
 * the declared tools' JSON) and the completion's text.
 */
export function usageFor(scripted: AnswerUsage | undefined, messages: readonly MessageText[], completion: string, tools = ""): Usage {
  if (scripted) {
    const total = scripted.total_tokens ?? scripted.prompt_tokens + scripted.completion_tokens;
    return { prompt_tokens: scripted.prompt_tokens, completion_tokens: scripted.completion_tokens, total_tokens: total };
  }
  const prompt = estimateTokens(messages.map(promptText).join("") + tools);
  const completionTokens = estimateTokens(completion);
  return { prompt_tokens: prompt, completion_tokens: completionTokens, total_tokens: prompt + completionTokens };
}

function promptText(message: MessageText): string {
  return message.content + (message.toolCalls ?? []).map((call) => call.name + call.arguments).join("");
}

/** The text a completion's tokens are estimated from: its content and its calls' names and arguments. */
export function completionText(content: string | null, toolCalls: readonly SentToolCall[]): string {
  return (content ?? "") + toolCalls.map((call) => call.name + call.arguments).join("");
}

/** A `chat.completion` object as OpenAI's API returns it. */
export function chatCompletion(answer: {
  seq: number;
  created: Date;
  model: string;
  content: string | null;
  toolCalls: readonly SentToolCall[];
  finishReason: FinishReason;
  usage: Usage;
}): Record<string, unknown> {
  const message: Record<string, unknown> = { role: "assistant", content: answer.content, refusal: null };
  if (answer.toolCalls.length > 0) {
    message["tool_calls"] = answer.toolCalls.map((call) => ({
      id: call.id,
      type: "function",
      function: { name: call.name, arguments: call.arguments },
    }));
  }
  return {
    id: `chatcmpl-sandbox-${answer.seq}`,
    object: "chat.completion",
    created: Math.floor(answer.created.getTime() / 1000),
    model: answer.model,
    system_fingerprint: "fp_sandbox",
    choices: [
      {
        index: 0,
        message,
        logprobs: null,
        finish_reason: answer.finishReason,
      },
    ],
    usage: answer.usage,
  };
}
