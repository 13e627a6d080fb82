import type { ChatCompletionRequest, MessageText } from "./chat-request.ts";
import type { ToolChoice } from "./tool-schemas.ts";

/** A tool message's text and the tool whose call it answers (null when no earlier call has its id). */
export type ToolResultText = { tool: string | null; text: string };

/** Where a request stands in its conversation, for matching scripted answers. */
export type Conversation = {
  /** Assistant messages in the request: 0 for a conversation's first request. */
  turn: number;
  /** The tool messages after the last assistant message. */
  latestResults: ToolResultText[];
  /** Every tool message in the request. */
  allResults: ToolResultText[];
};

/** The tools a request lets the model call, and how. */
export type ToolOffer = {
  /** The names of the declared function tools. */
  functions: string[];
  choice: ToolChoice | undefined;
  /** false when the request sets `parallel_tool_calls: false`. */
  parallel: boolean;
};

export function conversationOf(messages: readonly MessageText[]): Conversation {
  const toolOfCall = new Map<string, string>();
  const allResults: ToolResultText[] = [];
  let latestResults: ToolResultText[] = [];
  let turn = 0;
  for (const message of messages) {
    if (message.role === "assistant") {
      turn += 1;
      latestResults = [];
      for (const call of message.toolCalls ?? []) toolOfCall.set(call.id, call.name);
    }
    if (message.role !== "tool") continue;
    const result = { tool: toolOfCall.get(message.toolCallId ?? "") ?? null, text: message.content };
    allResults.push(result);
    latestResults.push(result);
  }
  return { turn, latestResults, allResults };
}

export function toolOfferOf(request: ChatCompletionRequest): ToolOffer {
  const functions = (request.tools ?? []).flatMap((tool) => (tool.type === "function" ? [tool.function.name] : []));
  return { functions, choice: request.tool_choice, parallel: request.parallel_tool_calls !== false };
}
