import type { ModelFaultKind } from "../scenario/model-script.ts";
import type { MessageText } from "./chat-request.ts";
import type { FinishReason, SentToolCall, Usage } from "./completion.ts";
import type { ContentCheck } from "./response-format-check.ts";

/** One chat completion request as the server saw and answered it. */
export type RecordedModelRequest = ContentCheck & {
  /** 1-based order of arrival among chat completion requests. */
  seq: number;
  /** ISO time of arrival. */
  time: string;
  /** The x-foreman-role header, if sent. */
  role: string | null;
  model: string | null;
  messages: MessageText[];
  /** Assistant messages in the request: 0 for a conversation's first request. */
  turn: number;
  /** The function tools the request declared, by name. */
  tools: string[];
  /** Tool messages (tool results) in the request. */
  toolResults: number;
  /** The request's response_format as sent, or null. */
  responseFormat: unknown;
  /** The HTTP status sent; null when the server sent nothing (timeout fault, or stopped first). */
  status: number | null;
  /** The scripted answer used, e.g. "answers[2]" or its id. */
  answerId: string | null;
  /** The content sent back, on a 200; null for an answer with tool calls only. */
  content: string | null;
  /** The tool calls sent back, with their ids; empty for an answer without calls. */
  toolCalls: SentToolCall[];
  finishReason: FinishReason | null;
  usage: Usage | null;
  fault: ModelFaultKind | null;
  /** True when no scripted answer matched. */
  unmatched: boolean;
  /** The error message sent, on a non-200. */
  error: string | null;
  /** The request body as parsed JSON. */
  body: unknown;
};

/** One tool call the server answered with, and the request it answered. */
export type AnsweredToolCall = SentToolCall & { seq: number; role: string | null };

/** The tool calls of these records, in order. */
export function answeredToolCalls(records: readonly RecordedModelRequest[]): AnsweredToolCall[] {
  return records.flatMap((record) => record.toolCalls.map((call) => ({ ...call, seq: record.seq, role: record.role })));
}
