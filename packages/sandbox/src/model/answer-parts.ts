import type { ModelFault } from "../scenario/model-script.ts";
import type { TakenAnswer } from "./answer-book.ts";
import type { FinishReason, SentToolCall } from "./completion.ts";
import { truncate } from "./fault-response.ts";

/** What the server sends for a taken answer, once a 200 fault had its say. */
export type AnswerParts = { content: string | null; toolCalls: SentToolCall[]; finishReason: FinishReason };

/** A tool call's id, unique in the server: the request's number and the call's place. */
function toolCallId(seq: number, index: number): string {
  return `call_sandbox_${seq}_${index + 1}`;
}

/**
 * The answer's content and calls. `malformed_json` replaces the content, or for an answer with
 * tool calls every call's arguments, with the fault's text; `truncated_json` halves the content,
 * or the last call's arguments, and ends with finish_reason "length".
 */
export function answerParts(taken: TakenAnswer, fault: ModelFault | undefined, seq: number): AnswerParts {
  let content = taken.content;
  let finishReason: FinishReason = taken.answer.finishReason;
  let toolCalls = taken.toolCalls.map((call, index) => ({ id: toolCallId(seq, index), ...call }));
  if (fault?.kind === "malformed_json") {
    if (toolCalls.length > 0) toolCalls = toolCalls.map((call) => ({ ...call, arguments: fault.content }));
    else content = fault.content;
  }
  if (fault?.kind === "truncated_json") {
    finishReason = "length";
    const last = toolCalls.at(-1);
    if (last) toolCalls = [...toolCalls.slice(0, -1), { ...last, arguments: truncate(last.arguments) }];
    else content = truncate(content ?? "");
  }
  return { content, toolCalls, finishReason };
}
