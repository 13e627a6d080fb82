import type { z } from "zod";
import type { Usage } from "../engine/types.ts";
import { addUsage, NO_USAGE } from "../engine/usage.ts";
import type { AgentRole, ChatMessage, ModelPort } from "../ports/model.ts";
import { redactText } from "../policy/sanitize.ts";
import type { AnswerProblems } from "../render/index.ts";
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

function parseAnswer<T>(content: string, request: StructuredRequest<T>): { value: T } | AnswerProblems {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (error) {
    return { kind: "not_json", problems: [`the answer is not valid JSON (${(error as Error).message})`] };
  }
  const parsed = request.schema.safeParse(json);
  if (!parsed.success) {
    return { kind: "wrong_shape", problems: parsed.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`) };
  }
  const problems = request.check?.(parsed.data) ?? [];
  return problems.length > 0 ? { kind: "refused", problems } : { value: parsed.data };
}

function repairMessage(problems: readonly string[]): string {
  return [
    "Your previous answer could not be used. Problems:",
    ...problems.map((problem) => `- ${problem}`),
    "Answer again with one JSON object that fixes every problem. Output only the JSON.",
  ].join("\n");
}

/** Asks for a JSON answer, validates it strictly, and allows one repair round with the problems. */
export async function askStructured<T>(model: ModelPort, request: StructuredRequest<T>): Promise<AskedResult<T>> {
  const messages: ChatMessage[] = [
    { role: "system", content: request.system },
    { role: "user", content: request.user },
  ];
  let usage = NO_USAGE;
  const rounds: AnswerProblems[] = [];
  for (let round = 0; round < 2; round += 1) {
    const response = await model.complete({ role: request.role, model: request.model, messages, json: true });
    usage = addUsage(usage, usageOf(response.model || request.model, response.promptTokens, response.completionTokens));
    const outcome = parseAnswer(response.content, request);
    if ("value" in outcome) return { ok: true, value: outcome.value, usage };
    // The problems are posted when the work stops, and may quote the model's answer.
    rounds.push({ kind: outcome.kind, problems: outcome.problems.map(redactText) });
    messages.push({ role: "assistant", content: response.content }, { role: "user", content: repairMessage(outcome.problems) });
  }
  return { ok: false, problems: [...(rounds.at(-1)?.problems ?? [])], rounds, usage };
}
