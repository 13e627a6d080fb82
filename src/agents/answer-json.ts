import { jsonrepair } from "jsonrepair";

/** The JSON object an answer holds, or why none could be read. */
export type ReadJson = { ok: true; json: Record<string, unknown> } | { ok: false; problem: string };

/** How many top-level objects of the text are tried as the answer's. */
const MAX_OBJECTS = 50;
const JSON_FENCE = /```[ \t]*json[^\n]*\n/gi;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The end (exclusive) of the balanced object that opens at `start`, or null if the text ends first. */
function balancedEnd(text: string, start: number): number | null {
  let depth = 0;
  let inString = false;
  for (let index = start; index < text.length; index += 1) {
    const char = text[index];
    if (inString) {
      if (char === "\\") index += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === "{") depth += 1;
    else if (char === "}") {
      depth -= 1;
      if (depth === 0) return index + 1;
    }
  }
  return null;
}

/** Where an object may begin just inside a ```json fence. */
function fencedStarts(text: string): number[] {
  return [...text.matchAll(JSON_FENCE)].map((match) => text.indexOf("{", match.index + match[0].length)).filter((index) => index !== -1);
}

/** The top-level objects of the text in order, up to a bound: an object inside one is part of it, never one of its own. */
function topLevelStarts(text: string): number[] {
  const starts: number[] = [];
  for (let start = text.indexOf("{"); start !== -1 && starts.length < MAX_OBJECTS;) {
    const end = balancedEnd(text, start);
    if (end === null) break;
    starts.push(start);
    start = text.indexOf("{", end);
  }
  return starts;
}

/** The complete objects the text holds: fenced ones first, then the top-level ones in order. */
function candidates(text: string): Array<{ text: string; fenced: boolean }> {
  const fenced = fencedStarts(text);
  const starts = [...fenced, ...topLevelStarts(text).filter((start) => !fenced.includes(start))];
  return starts.flatMap((start) => {
    const end = balancedEnd(text, start);
    return end === null ? [] : [{ text: text.slice(start, end), fenced: fenced.includes(start) }];
  });
}

function parsed(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? value : null;
  } catch {
    return null;
  }
}

function repaired(text: string): Record<string, unknown> | null {
  try {
    return parsed(jsonrepair(text));
  } catch {
    return null;
  }
}

function parseError(text: string): string {
  try {
    JSON.parse(text);
    return "the answer is not valid JSON (it is not an object)";
  } catch (error) {
    return `the answer is not valid JSON (${(error as Error).message})`;
  }
}

/**
 * The JSON object of an answer as models really write it: the whole answer, else the first
 * complete object that parses (one inside a ```json fence first), else the first whose small
 * slips (trailing commas, single quotes, comments, unquoted keys) can be repaired. An object
 * that never closes is not completed: its end would be invented.
 */
export function readJsonAnswer(content: string): ReadJson {
  const text = content.trim();
  const whole = parsed(text);
  if (whole) return { ok: true, json: whole };
  const found = candidates(text);
  for (const candidate of found) {
    const json = parsed(candidate.text);
    if (json) return { ok: true, json };
  }
  // A fenced object, then the longest: a slip in the answer's object wins over braces in its prose.
  const byLikelihood = [...found].sort((left, right) =>
    left.fenced === right.fenced ? right.text.length - left.text.length : left.fenced ? -1 : 1,
  );
  for (const candidate of byLikelihood) {
    const json = repaired(candidate.text);
    if (json) return { ok: true, json };
  }
  const first = text.indexOf("{");
  return { ok: false, problem: first === -1 ? "the answer is not valid JSON (it holds no JSON object)" : parseError(text.slice(first)) };
}
