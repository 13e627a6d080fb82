import { z } from "zod";
import { AgentRole, Probability } from "./primitives.ts";
import { Needles, RegexSource, ScriptedToolCall, ToolResultMatch } from "./tool-script.ts";

const DelayMs = z.int().min(0).max(600_000);
const RetryAfter = z.number().min(0).max(3600);

/** Which requests a scripted answer may answer. Every given field must match. */
export const AnswerMatch = z.strictObject({
  /** The `x-foreman-role` request header. */
  role: AgentRole.optional(),
  /** The request's `model`. */
  model: z.string().min(1).optional(),
  /** Text that must appear in some message's content; with a list, every item must appear. */
  contains: Needles.optional(),
  /** A JavaScript regular expression tested against each message's content. */
  regex: RegexSource.optional(),
  /** The number of assistant messages in the request: 0 for a conversation's first request. */
  turn: z.int().min(0).optional(),
  /** The latest tool results: the tool messages after the request's last assistant message. */
  toolResult: ToolResultMatch.optional(),
  /** Any tool result in the request. */
  anyToolResult: ToolResultMatch.optional(),
});
export type AnswerMatch = z.infer<typeof AnswerMatch>;

export const AnswerUsage = z.strictObject({
  prompt_tokens: z.int().min(0),
  completion_tokens: z.int().min(0),
  /** Defaults to prompt_tokens + completion_tokens. */
  total_tokens: z.int().min(0).optional(),
});
export type AnswerUsage = z.infer<typeof AnswerUsage>;

/** One scripted model answer: content, or tool calls, or both. */
export const ScriptedAnswer = z
  .strictObject({
    /** A name for the answer in recordings and errors; defaults to its place, e.g. `answers[2]`. */
    id: z.string().min(1).optional(),
    /** Shorthand for `match.role`. */
    role: AgentRole.optional(),
    match: AnswerMatch.optional(),
    /** The message content: a string is sent as is, any other value as JSON. Required without toolCalls. */
    content: z.json({ error: "expected the answer's content (a string or any YAML value)" }).optional(),
    /** Tool calls the answer makes, in order; each gets a generated id. */
    toolCalls: z.array(ScriptedToolCall).min(1).optional(),
    /** How many requests this answer serves; 0 means unlimited. */
    times: z.int().min(0).default(1),
    /** Same as `times: 0`. */
    repeat: z.boolean().default(false),
    usage: AnswerUsage.optional(),
    /** Defaults to "tool_calls" for an answer with toolCalls, else "stop". */
    finishReason: z.enum(["stop", "length", "content_filter", "tool_calls"]).optional(),
    /** Wait this long before answering, to script a slow model. */
    delayMs: DelayMs.optional(),
  })
  .superRefine((answer, context) => {
    if (answer.role && answer.match?.role && answer.role !== answer.match.role) {
      context.addIssue({ code: "custom", path: ["role"], message: `conflicts with match.role "${answer.match.role}"` });
    }
    if (answer.repeat && answer.times > 1) {
      context.addIssue({ code: "custom", path: ["repeat"], message: "give either repeat: true or times, not both" });
    }
    if (answer.content === undefined && answer.toolCalls === undefined) {
      context.addIssue({ code: "custom", path: ["content"], message: "required (or toolCalls, for an answer that calls tools)" });
    }
  })
  .transform(({ finishReason, ...answer }) => ({
    ...answer,
    finishReason: finishReason ?? (answer.toolCalls ? ("tool_calls" as const) : ("stop" as const)),
  }));
export type ScriptedAnswer = z.infer<typeof ScriptedAnswer>;
export type ScriptedAnswerInput = z.input<typeof ScriptedAnswer>;

/**
 * Which chat requests a fault hits. Requests are counted from 1, after filtering by `role`.
 * The fault fires on the `nth` request (default: the first) and the ones after it, until it has
 * fired `times` times (default: once when `nth` is given, otherwise unlimited). With `probability`,
 * each eligible request is hit with that chance, drawn from a PRNG seeded with `seed`.
 */
export const ModelFaultSelection = z
  .strictObject({
    role: AgentRole.optional(),
    nth: z.int().min(1).optional(),
    times: z.int().min(1).optional(),
    probability: Probability.optional(),
    seed: z.int().optional(),
  })
  .superRefine((on, context) => {
    if (on.seed !== undefined && on.probability === undefined) {
      context.addIssue({ code: "custom", path: ["seed"], message: "seed is only used with probability" });
    }
  });
export type ModelFaultSelection = z.infer<typeof ModelFaultSelection>;

const faultBase = { on: ModelFaultSelection.optional(), id: z.string().min(1).optional() };
/** Sends `x-should-retry: true|false`, which the openai client obeys before its own status rules. */
const shouldRetry = z.boolean().optional();
const ServerErrorStatus = z.union([z.literal(500), z.literal(502), z.literal(503)], { error: "expected 500, 502 or 503" });

const DEFAULT_MALFORMED_CONTENT = 'Sure! Here is the JSON you asked for: {"tasks": [';

export const ModelFault = z.discriminatedUnion("kind", [
  /** 429, type and code rate_limit_exceeded, retry-after and retry-after-ms headers. */
  z.strictObject({ ...faultBase, kind: z.literal("rate_limit"), retryAfterSeconds: RetryAfter.default(1), shouldRetry }),
  z.strictObject({ ...faultBase, kind: z.literal("server_error"), status: ServerErrorStatus.default(500), shouldRetry }),
  /** 429 with code insufficient_quota: the spend limit is reached, retrying cannot help. */
  z.strictObject({ ...faultBase, kind: z.literal("insufficient_quota"), shouldRetry }),
  /** Holds the request for delayMs, then closes the connection without an answer. */
  z.strictObject({ ...faultBase, kind: z.literal("timeout"), delayMs: DelayMs.default(30_000) }),
  /** 200 with this content instead of the matched answer's (which it uses up). */
  z.strictObject({ ...faultBase, kind: z.literal("malformed_json"), content: z.string().default(DEFAULT_MALFORMED_CONTENT) }),
  /** 200 with the first half of the matched answer's content and finish_reason "length". */
  z.strictObject({ ...faultBase, kind: z.literal("truncated_json") }),
]);
export type ModelFault = z.infer<typeof ModelFault>;
export type ModelFaultInput = z.input<typeof ModelFault>;
export type ModelFaultKind = ModelFault["kind"];

/** The scripted model: the `model` section of a scenario, and the model server's script. */
export const ModelScript = z.strictObject({
  /** The model ids the server knows; when given, a request for another model gets a 404. */
  models: z.array(z.string().min(1)).min(1).optional(),
  answers: z.array(ScriptedAnswer).default([]),
  faults: z.array(ModelFault).default([]),
});
export type ModelScript = z.infer<typeof ModelScript>;
export type ModelScriptInput = z.input<typeof ModelScript>;
