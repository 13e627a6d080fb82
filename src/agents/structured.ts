import type { z } from "zod";
import type { Usage } from "../engine/types.ts";
import { addUsage, NO_USAGE } from "../engine/usage.ts";
import type { AgentRole, ChatMessage, ModelPort, ModelResponse } from "../ports/model.ts";
import { redactText } from "../policy/sanitize.ts";
import type { AnswerProblems } from "../render/index.ts";
import { readJsonAnswer } from "./answer-json.ts";
import { answerSchemaFor } from "./answer-schema.ts";
import { parseLeniently } from "./lenient-parse.ts";
import { usageOf } from "./pricing.ts";

export type StructuredResult<T> = { ok: true; value: T; usage: Usage } | { ok: false; problems: string[]; usage: Usage };

/** `askStructured`'s result: when no answer could be used, also what was wrong with each answer, oldest first. */
export type AskedResult<T> =
  { ok: true; value: T; usage: Usage } | { ok: false; problems: string[]; rounds: AnswerProblems[]; usage: Usage };

export interface StructuredRequest<T> {
  role: AgentRole;
  model: string;
  system: string;
  user: string;
  schema: z.ZodType<T>;
  /** Further checks on a schema-valid answer (graph rules, edit rules); problems trigger the repair round. */
  check?: (value: T) => string[];
}

const CUT_OFF = "the answer was cut off at the model's output limit before its JSON was complete";

/**
 * The answer's value, as models really write it: the JSON object found in prose or fences,
 * small slips repaired, unknown keys ignored. An answer cut off at the length limit is said to be
 * cut off unless a complete, valid object came before the limit.
 */
function parseAnswer<T>(response: ModelResponse, request: StructuredRequest<T>): { value: T } | AnswerProblems {
  const cutOff = response.finishReason === "length";
  const read = readJsonAnswer(response.content);
  if (!read.ok) return cutOff ? { kind: "cut_off", problems: [CUT_OFF] } : { kind: "not_json", problems: [read.problem] };
  const parsed = parseLeniently(request.schema, read.json);
  if (!parsed.success) return cutOff ? { kind: "cut_off", problems: [CUT_OFF] } : { kind: "wrong_shape", problems: parsed.problems };
  const problems = request.check?.(parsed.data) ?? [];
  return problems.length > 0 ? { kind: "refused", problems } : { value: parsed.data };
}

/** What the model is told when its answer could not be used; `withTools`: it may use its tools before it answers again. */
export function repairMessage(outcome: AnswerProblems, withTools = false): string {
  if (outcome.kind === "cut_off")
    return [
      "Your previous answer was cut off: it reached the output length limit before the JSON object was complete.",
      "Answer again with a shorter JSON object that still has every required field: write less in each text, and leave out anything not needed. Output only the JSON.",
    ].join("\n");
  return [
    "Your previous answer could not be used. Problems:",
    ...outcome.problems.map((problem) => `- ${problem}`),
    `Answer again with one JSON object that fixes every problem${withTools ? " (you may use the tools first)" : ""}. Output only the JSON.`,
  ].join("\n");
}

/**
 * Asks for a JSON answer (with its strict JSON schema when it can be one), reads it as models
 * really write it, validates it, and allows one repair round with the problems.
 */
export async function askStructured<T>(model: ModelPort, request: StructuredRequest<T>): Promise<AskedResult<T>> {
  const messages: ChatMessage[] = [
    { role: "system", content: request.system },
    { role: "user", content: request.user },
  ];
  const schema = answerSchemaFor(request.role, request.schema);
  let usage = NO_USAGE;
  const rounds: AnswerProblems[] = [];
  for (let round = 0; round < 2; round += 1) {
    const response = await model.complete({ role: request.role, model: request.model, messages, json: true, schema });
    usage = addUsage(usage, usageOf(response, request.model));
    const outcome = parseAnswer(response, request);
    if ("value" in outcome) return { ok: true, value: outcome.value, usage };
    // The problems are posted when the work stops, and may quote the model's answer.
    rounds.push({ kind: outcome.kind, problems: outcome.problems.map(redactText) });
    messages.push({ role: "assistant", content: response.content }, { role: "user", content: repairMessage(outcome) });
  }
  return { ok: false, problems: [...(rounds.at(-1)?.problems ?? [])], rounds, usage };
}
