import type { ModelFaultKind } from "../scenario/model-script.ts";
import type { MessageText } from "./chat-request.ts";
import type { FinishReason, Usage } from "./completion.ts";
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
  /** The request's response_format as sent, or null. */
  responseFormat: unknown;
  /** The HTTP status sent; null when the server sent nothing (timeout fault, or stopped first). */
  status: number | null;
  /** The scripted answer used, e.g. "answers[2]" or its id. */
  answerId: string | null;
  /** The content sent back, on a 200. */
  content: string | null;
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
