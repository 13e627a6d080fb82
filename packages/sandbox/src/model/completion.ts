import type { AnswerUsage } from "../scenario/model-script.ts";
import type { MessageText } from "./chat-request.ts";

export type Usage = { prompt_tokens: number; completion_tokens: number; total_tokens: number };

export type FinishReason = "stop" | "length" | "content_filter";

/** A rough token count: one token per four characters, rounded up. */
function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** The scripted usage when given, else an estimate from the prompt and the content. */
export function usageFor(scripted: AnswerUsage | undefined, messages: readonly MessageText[], content: string): Usage {
  if (scripted) {
    const total = scripted.total_tokens ?? scripted.prompt_tokens + scripted.completion_tokens;
    return { prompt_tokens: scripted.prompt_tokens, completion_tokens: scripted.completion_tokens, total_tokens: total };
  }
  const prompt = estimateTokens(messages.map((message) => message.content).join(""));
  const completion = estimateTokens(content);
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

/** A `chat.completion` object as OpenAI's API returns it. */
export function chatCompletion(answer: {
  seq: number;
  created: Date;
  model: string;
  content: string;
  finishReason: FinishReason;
  usage: Usage;
}): Record<string, unknown> {
  return {
    id: `chatcmpl-sandbox-${answer.seq}`,
    object: "chat.completion",
    created: Math.floor(answer.created.getTime() / 1000),
    model: answer.model,
    system_fingerprint: "fp_sandbox",
    choices: [
      {
        index: 0,
        message: { role: "assistant", content: answer.content, refusal: null },
        logprobs: null,
        finish_reason: answer.finishReason,
      },
    ],
    usage: answer.usage,
  };
}
