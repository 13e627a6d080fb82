import type { z } from "zod";
import type { AnswerProblems } from "../../render/index.ts";
import { readJsonAnswer } from "../answer-json.ts";
import { parseLeniently } from "../lenient-parse.ts";

/** The final answer's schema and Foreman's further checks on it (graph rules, edit rules), which may read the workspace. */
export interface AnswerRules<T> {
  schema: z.ZodType<T>;
  check?: ((value: T) => string[] | Promise<string[]>) | undefined;
}

const CUT_OFF = "the answer was cut off at the model's output limit before its JSON was complete";

/**
 * The answer's value, read as `askStructured` reads it: the JSON object found in prose or fences,
 * small slips repaired, unknown keys ignored. An answer cut off at the length limit is said to be
 * cut off unless a complete, valid object came before the limit.
 */
export async function readAnswer<T>(content: string, finishReason: string, rules: AnswerRules<T>): Promise<{ value: T } | AnswerProblems> {
  const cutOff = finishReason === "length";
  const read = readJsonAnswer(content);
  if (!read.ok) return cutOff ? { kind: "cut_off", problems: [CUT_OFF] } : { kind: "not_json", problems: [read.problem] };
  const parsed = parseLeniently(rules.schema, read.json);
  if (!parsed.success) return cutOff ? { kind: "cut_off", problems: [CUT_OFF] } : { kind: "wrong_shape", problems: parsed.problems };
  const problems = (await rules.check?.(parsed.data)) ?? [];
  return problems.length > 0 ? { kind: "refused", problems } : { value: parsed.data };
}
