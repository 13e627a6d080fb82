import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import { z } from "zod";
import { problemsFromIssues } from "../scenario/format-issues.ts";
import {
  ModelFault,
  ModelScript,
  ScriptedAnswer,
  type ModelFaultInput,
  type ModelScriptInput,
  type ScriptedAnswerInput,
} from "../scenario/model-script.ts";
import { ScenarioError } from "../scenario/scenario-error.ts";
import { createChatResponder, type ChatOutcome, type ChatResponder } from "./chat-responder.ts";
import { BodyTooLargeError, header, readBody, sendJson } from "./http-io.ts";
import { listModels, modelIds, retrieveModel } from "./model-list.ts";
import { missingApiKey, notFound, openAIError, type HttpAnswer } from "./openai-error.ts";
import { answeredToolCalls, type AnsweredToolCall, type RecordedModelRequest } from "./recorded-request.ts";

export type ModelServerOptions = {
  script: ModelScriptInput;
  /** Faults on top of the script's own. */
  faults?: readonly ModelFaultInput[];
  log?: Logger;
  /** The clock for `created` and record times. */
  now?: () => Date;
};

/** A local OpenAI-compatible chat completions server that answers from a script. */
export type ModelServer = {
  /** The base URL for the openai client, e.g. http://127.0.0.1:41234/v1. */
  readonly url: string;
  /** Every chat completion request so far, in order of arrival (copies). */
  requests(): RecordedModelRequest[];
  /** The requests no scripted answer matched. */
  unmatched(): RecordedModelRequest[];
  /** Every tool call answered so far, in order, with its request's seq and role (cheap to poll: no bodies). */
  toolCalls(): AnsweredToolCall[];
  /** The scripted answers not used yet (an unlimited one counts until first used). */
  remaining(): ScriptedAnswer[];
  addAnswers(answers: readonly ScriptedAnswerInput[]): void;
  addFaults(faults: readonly ModelFaultInput[]): void;
  /** Stops listening, ends held and delayed requests, and closes every connection. */
  stop(): Promise<void>;
};

type ServerState = {
  responder: ChatResponder;
  answers: ScriptedAnswer[];
  declaredModels: readonly string[] | undefined;
  timers: Set<NodeJS.Timeout>;
  now: () => Date;
  log: Logger | undefined;
};

/** Starts the server on 127.0.0.1 with a free port. Throws ScenarioError for an invalid script. */
export async function startModelServer(options: ModelServerOptions): Promise<ModelServer> {
  const script = parseOrThrow(ModelScript, options.script, "model script");
  const extraFaults = parseOrThrow(z.array(ModelFault), options.faults ?? [], "model faults");
  const now = options.now ?? (() => new Date());
  const state: ServerState = {
    responder: createChatResponder({ ...script, faults: [...script.faults, ...extraFaults] }, now),
    answers: [...script.answers],
    declaredModels: script.models,
    timers: new Set(),
    now,
    log: options.log,
  };
  const server = createServer((request, response) => {
    handle(state, request, response).catch((error: unknown) => {
      const status = error instanceof BodyTooLargeError ? 413 : 500;
      const message = error instanceof Error ? error.message : String(error);
      state.log?.error({ err: error }, "sandbox model server failed to answer a request");
      sendJson(response, openAIError(status, message, { type: "server_error" }), "req_error");
    });
  });
  const port = await listen(server);
  return serverHandle(state, server, `http://127.0.0.1:${port}/v1`);
}

function serverHandle(state: ServerState, server: Server, url: string): ModelServer {
  const records = state.responder.records;
  return {
    url,
    requests: () => structuredClone(records),
    unmatched: () => structuredClone(records.filter((record) => record.unmatched)),
    toolCalls: () => answeredToolCalls(records),
    remaining: () => state.responder.answers.remaining(),
    addAnswers(answers) {
      const parsed = parseOrThrow(z.array(ScriptedAnswer), answers, "model answers");
      state.answers.push(...parsed);
      state.responder.answers.add(parsed);
    },
    addFaults(faults) {
      state.responder.faults.add(parseOrThrow(z.array(ModelFault), faults, "model faults"));
    },
    stop: () => stop(state, server),
  };
}

async function handle(state: ServerState, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const path = (request.url ?? "/").split("?")[0] ?? "/";
  const method = request.method ?? "GET";
  if (method === "POST" && path === "/v1/chat/completions") {
    const rawBody = await readBody(request);
    const outcome = state.responder.respond({
      role: header(request, "x-foreman-role") ?? null,
      authorization: header(request, "authorization"),
      rawBody,
    });
    deliver(state, outcome, response);
    return;
  }
  request.resume();
  sendJson(response, otherRoute(state, method, path, header(request, "authorization")), `req_${Date.now()}`);
}

function otherRoute(state: ServerState, method: string, path: string, authorization: string | undefined): HttpAnswer {
  const ids = modelIds(state.declaredModels, state.answers);
  if (method === "GET" && (path === "/v1/models" || path.startsWith("/v1/models/"))) {
    if (!authorization?.startsWith("Bearer ")) return missingApiKey();
    if (path === "/v1/models") return listModels(ids, state.now());
    return retrieveModel(ids, decodeURIComponent(path.slice("/v1/models/".length)), state.now());
  }
  return notFound(method, path);
}

function deliver(state: ServerState, outcome: ChatOutcome, response: ServerResponse): void {
  const { record } = outcome;
  logOutcome(state.log, record);
  const requestId = `req_sandbox_${record.seq}`;
  const act = outcome.kind === "answer" ? () => sendJson(response, outcome.answer, requestId) : () => response.socket?.destroy();
  if (outcome.delayMs <= 0) {
    act();
    return;
  }
  const timer = setTimeout(() => {
    state.timers.delete(timer);
    act();
  }, outcome.delayMs);
  state.timers.add(timer);
  response.on("close", () => {
    clearTimeout(timer);
    state.timers.delete(timer);
  });
}

function logOutcome(log: Logger | undefined, record: RecordedModelRequest): void {
  const { seq, role, model, status, answerId, fault } = record;
  const data = { seq, role, model, status, answerId, fault };
  if (record.unmatched) {
    log?.warn(data, "no scripted answer matched the model request; add an answer for this role to the scenario");
  } else {
    log?.debug(data, "sandbox model request answered");
  }
}

async function stop(state: ServerState, server: Server): Promise<void> {
  for (const timer of state.timers) clearTimeout(timer);
  state.timers.clear();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  await closed;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port));
  });
}

function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, source: string): z.infer<T> {
  const parsed = schema.safeParse(value, { reportInput: true });
  if (!parsed.success) throw new ScenarioError(source, problemsFromIssues(parsed.error.issues));
  return parsed.data;
}
