import type { ModelFault, ModelScript } from "../scenario/model-script.ts";
import { createAnswerBook, type AnswerBook, type TakenAnswer } from "./answer-book.ts";
import type { MatchInput } from "./answer-match.ts";
import { answerParts } from "./answer-parts.ts";
import { messageTexts, readChatRequest, type ChatCompletionRequest } from "./chat-request.ts";
import { chatCompletion, completionText, usageFor } from "./completion.ts";
import { conversationOf, toolOfferOf } from "./conversation.ts";
import { faultAnswer, isErrorFault } from "./fault-response.ts";
import { createFaultSchedule, type FaultSchedule } from "./fault-schedule.ts";
import { invalidRequest, missingApiKey, modelNotFound, noScriptedAnswer, type ErrorAnswer, type HttpAnswer } from "./openai-error.ts";
import type { RecordedModelRequest } from "./recorded-request.ts";
import { createResponseFormatCheck, type ResponseFormatCheck } from "./response-format-check.ts";
import { toolRequestProblem } from "./tool-request-check.ts";

/** What the server must do with a chat request: answer (maybe after a delay), or hold it and hang up. */
export type ChatOutcome =
  | { kind: "answer"; answer: HttpAnswer; delayMs: number; record: RecordedModelRequest }
  | { kind: "hang_up"; delayMs: number; record: RecordedModelRequest };

const UNPARSABLE_BODY =
  "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly.)";

type ChatInput = { role: string | null; authorization: string | undefined; rawBody: string };

/** Decides every chat completion answer from the script, and records each request. */
export type ChatResponder = {
  respond(input: ChatInput): ChatOutcome;
  records: RecordedModelRequest[];
  answers: AnswerBook;
  faults: FaultSchedule;
};

type Context = {
  answers: AnswerBook;
  faults: FaultSchedule;
  formats: ResponseFormatCheck;
  declaredModels: readonly string[] | undefined;
};

export function createChatResponder(script: ModelScript, now: () => Date): ChatResponder {
  const context: Context = {
    answers: createAnswerBook(script.answers),
    faults: createFaultSchedule(script.faults),
    formats: createResponseFormatCheck(),
    declaredModels: script.models,
  };
  const records: RecordedModelRequest[] = [];
  return {
    respond(input) {
      const record = newRecord(records.length + 1, now(), input.role);
      records.push(record);
      return decide(context, input, record, now());
    },
    records,
    answers: context.answers,
    faults: context.faults,
  };
}

function decide(context: Context, input: ChatInput, record: RecordedModelRequest, created: Date): ChatOutcome {
  const admitted = admit(context, input, record);
  if ("refusal" in admitted) return refuse(record, admitted.refusal);
  const { request } = admitted;
  const fault = context.faults.pick({ role: input.role });
  record.fault = fault?.kind ?? null;
  if (fault && isErrorFault(fault)) return refuse(record, faultAnswer(fault));
  if (fault?.kind === "timeout") return { kind: "hang_up", delayMs: fault.delayMs, record };
  const matchInput: MatchInput = {
    role: input.role,
    model: request.model,
    texts: record.messages.map((message) => message.content),
    conversation: conversationOf(record.messages),
    offer: toolOfferOf(request),
  };
  const taken = context.answers.take(matchInput);
  if (!taken) {
    record.unmatched = true;
    return refuse(record, noScriptedAnswer(input.role, request.model, context.answers.nearMiss(matchInput)));
  }
  return answer(context, { request, taken, fault, record, created });
}

/** The checks OpenAI makes before answering; fills in what the record learns on the way. */
function admit(
  context: Context,
  input: ChatInput,
  record: RecordedModelRequest,
): { request: ChatCompletionRequest } | { refusal: ErrorAnswer } {
  if (!input.authorization?.startsWith("Bearer ")) return { refusal: missingApiKey() };
  const body = parseBody(input.rawBody);
  if (!body.ok) return { refusal: invalidRequest(UNPARSABLE_BODY) };
  record.body = body.value;
  const read = readChatRequest(body.value);
  if ("reject" in read) return { refusal: read.reject };
  const { request } = read;
  const messages = messageTexts(request);
  const tools = toolOfferOf(request).functions;
  const { turn, allResults } = conversationOf(messages);
  Object.assign(record, { model: request.model, messages, turn, tools, toolResults: allResults.length });
  record.responseFormat = request.response_format ?? null;
  if (request.stream === true) return { refusal: invalidRequest("streaming is not supported by the sandbox", "stream") };
  const toolProblem = toolRequestProblem(request);
  if (toolProblem) return { refusal: toolProblem };
  if (context.declaredModels && !context.declaredModels.includes(request.model)) {
    return { refusal: modelNotFound(request.model) };
  }
  const rejection = context.formats.rejection(request.response_format, messages);
  return rejection ? { refusal: rejection } : { request };
}

type AnswerInput = {
  request: ChatCompletionRequest;
  taken: TakenAnswer;
  fault: ModelFault | undefined;
  record: RecordedModelRequest;
  created: Date;
};

function answer(context: Context, parts: AnswerInput): ChatOutcome {
  const { request, taken, fault, record } = parts;
  const { seq } = record;
  const { content, toolCalls, finishReason } = answerParts(taken, fault, seq);
  const toolsText = request.tools === undefined ? "" : JSON.stringify(request.tools);
  const usage = usageFor(taken.answer.usage, record.messages, completionText(content, toolCalls), toolsText);
  const check = content === null ? {} : context.formats.check(request.response_format, content);
  Object.assign(record, check, { status: 200, answerId: taken.answerId, content, toolCalls, finishReason, usage });
  const body = chatCompletion({ seq, created: parts.created, model: request.model, content, toolCalls, finishReason, usage });
  return { kind: "answer", answer: { status: 200, headers: {}, body }, delayMs: taken.answer.delayMs ?? 0, record };
}

function refuse(record: RecordedModelRequest, answer: ErrorAnswer): ChatOutcome {
  record.status = answer.status;
  record.error = answer.body.error.message;
  return { kind: "answer", answer, delayMs: 0, record };
}

function newRecord(seq: number, time: Date, role: string | null): RecordedModelRequest {
  return {
    seq,
    time: time.toISOString(),
    role,
    model: null,
    messages: [],
    turn: 0,
    tools: [],
    toolResults: 0,
    responseFormat: null,
    status: null,
    answerId: null,
    content: null,
    toolCalls: [],
    finishReason: null,
    usage: null,
    fault: null,
    unmatched: false,
    error: null,
    body: null,
  };
}

function parseBody(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}
