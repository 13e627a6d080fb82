import type { ChatMessage } from "../../ports/model.ts";

const SHORTENED = "(shortened to keep the conversation within its budget: call the tool again to see it)";

function size(message: ChatMessage): number {
  const calls = "toolCalls" in message ? message.toolCalls.reduce((sum, call) => sum + call.name.length + call.arguments.length, 0) : 0;
  return message.content.length + calls;
}

/**
 * Shortens the oldest tool results to their first line (what was read, listed or searched) until
 * the conversation fits in `budgetChars`. The results of the latest turn stay whole: the model is
 * about to read them. Returns how many results were shortened.
 */
export function shortenOldResults(messages: ChatMessage[], budgetChars: number): number {
  let total = messages.reduce((sum, message) => sum + size(message), 0);
  const lastCall = messages.findLastIndex((message) => message.role === "assistant");
  let shortened = 0;
  for (let index = 0; index < lastCall && total > budgetChars; index += 1) {
    const message = messages[index];
    if (message?.role !== "tool" || message.content.endsWith(SHORTENED)) continue;
    const first = message.content.split("\n", 1)[0] ?? "";
    const content = `${first}\n${SHORTENED}`;
    if (content.length >= message.content.length) continue;
    total -= message.content.length - content.length;
    messages[index] = { ...message, content };
    shortened += 1;
  }
  return shortened;
}
