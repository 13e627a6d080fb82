import type { ScriptedAnswer } from "../scenario/model-script.ts";

/** What a request offers for matching. */
type MatchInput = { role: string | null; model: string; texts: readonly string[] };

/** A scripted answer picked for a request. */
export type TakenAnswer = { answer: ScriptedAnswer; answerId: string; content: string };

/** The scripted answers and how often each has been used. */
export type AnswerBook = {
  /** Picks the first answer with uses left that matches, and uses it once. */
  take(input: MatchInput): TakenAnswer | undefined;
  /** Answers with uses left; an unlimited answer stops counting once it has been used. */
  remaining(): ScriptedAnswer[];
  add(answers: readonly ScriptedAnswer[]): void;
};

type Entry = { answer: ScriptedAnswer; answerId: string; used: number; regex: RegExp | undefined };

export function createAnswerBook(answers: readonly ScriptedAnswer[]): AnswerBook {
  const entries: Entry[] = [];
  const add = (more: readonly ScriptedAnswer[]): void => {
    for (const answer of more) {
      const answerId = answer.id ?? `answers[${entries.length}]`;
      const source = answer.match?.regex;
      entries.push({ answer, answerId, used: 0, regex: source === undefined ? undefined : new RegExp(source) });
    }
  };
  add(answers);
  return {
    take(input) {
      const entry = entries.find((candidate) => hasUsesLeft(candidate) && matches(candidate, input));
      if (!entry) return undefined;
      entry.used += 1;
      return { answer: entry.answer, answerId: entry.answerId, content: renderContent(entry.answer.content) };
    },
    remaining() {
      return entries.filter((entry) => (isUnlimited(entry.answer) ? entry.used === 0 : hasUsesLeft(entry))).map((entry) => entry.answer);
    },
    add,
  };
}

/** A string is sent as is; any other value as its JSON text. */
function renderContent(content: ScriptedAnswer["content"]): string {
  return typeof content === "string" ? content : JSON.stringify(content);
}

function isUnlimited(answer: ScriptedAnswer): boolean {
  return answer.repeat || answer.times === 0;
}

function hasUsesLeft(entry: Entry): boolean {
  return isUnlimited(entry.answer) || entry.used < entry.answer.times;
}

function matches(entry: Entry, input: MatchInput): boolean {
  const { answer, regex } = entry;
  const role = answer.role ?? answer.match?.role;
  if (role !== undefined && role !== input.role) return false;
  if (answer.match?.model !== undefined && answer.match.model !== input.model) return false;
  const contains = answer.match?.contains;
  const needles = contains === undefined ? [] : typeof contains === "string" ? [contains] : contains;
  if (!needles.every((needle) => input.texts.some((text) => text.includes(needle)))) return false;
  return regex === undefined || input.texts.some((text) => regex.test(text));
}
