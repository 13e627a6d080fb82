import type { ScriptedAnswer } from "../scenario/model-script.ts";
import { compileMatch, matchFits, type CompiledMatch, type MatchInput } from "./answer-match.ts";
import { toolFitProblem } from "./tool-fit.ts";

/** A tool call a scripted answer makes, its arguments as the text sent. */
type CallToSend = { name: string; arguments: string };

/** A scripted answer picked for a request. */
export type TakenAnswer = { answer: ScriptedAnswer; answerId: string; content: string | null; toolCalls: CallToSend[] };

/** The scripted answers and how often each has been used. */
export type AnswerBook = {
  /** Picks the first answer with uses left that matches and that the request lets the model give, and uses it once. */
  take(input: MatchInput): TakenAnswer | undefined;
  /** When nothing could be taken: the first answer that matched but whose tool calls the request rules out, and why. */
  nearMiss(input: MatchInput): string | undefined;
  /** Answers with uses left; an unlimited answer stops counting once it has been used. */
  remaining(): ScriptedAnswer[];
  add(answers: readonly ScriptedAnswer[]): void;
};

type Entry = { answer: ScriptedAnswer; answerId: string; used: number; compiled: CompiledMatch };

export function createAnswerBook(answers: readonly ScriptedAnswer[]): AnswerBook {
  const entries: Entry[] = [];
  const add = (more: readonly ScriptedAnswer[]): void => {
    for (const answer of more) {
      entries.push({ answer, answerId: answer.id ?? `answers[${entries.length}]`, used: 0, compiled: compileMatch(answer.match) });
    }
  };
  add(answers);
  const matching = (input: MatchInput): Entry[] =>
    entries.filter((entry) => hasUsesLeft(entry) && matchFits(entry.answer, entry.compiled, input));
  return {
    take(input) {
      const entry = matching(input).find((candidate) => toolFitProblem(candidate.answer, input.offer) === undefined);
      if (!entry) return undefined;
      entry.used += 1;
      return { answer: entry.answer, answerId: entry.answerId, ...rendered(entry.answer) };
    },
    nearMiss(input) {
      const [entry] = matching(input);
      const problem = entry && toolFitProblem(entry.answer, input.offer);
      return entry && problem ? `${entry.answerId} matched, but ${problem}` : undefined;
    },
    remaining() {
      return entries.filter((entry) => (isUnlimited(entry.answer) ? entry.used === 0 : hasUsesLeft(entry))).map((entry) => entry.answer);
    },
    add,
  };
}

/** A string is sent as is; any other value as its JSON text. */
function asText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function rendered(answer: ScriptedAnswer): Pick<TakenAnswer, "content" | "toolCalls"> {
  const content = answer.content === undefined ? null : asText(answer.content);
  const toolCalls = (answer.toolCalls ?? []).map((call) => ({ name: call.name, arguments: asText(call.arguments) }));
  return { content, toolCalls };
}

function isUnlimited(answer: ScriptedAnswer): boolean {
  return answer.repeat || answer.times === 0;
}

function hasUsesLeft(entry: Entry): boolean {
  return isUnlimited(entry.answer) || entry.used < entry.answer.times;
}
