import { jsonrepair } from "jsonrepair";

/** The JSON object an answer holds, or why none could be read. */
export type ReadJson = { ok: true; json: Record<string, unknown> } | { ok: false; problem: string };

export interface ReadOptions {
  /**
   * Whether small syntax slips (trailing commas, single quotes, comments, unquoted keys) may be
   * repaired. Off for an answer cut off at the length limit: closing it would invent its end.
   */
  repair: boolean;
}

/** How many `{` of the text are tried as the start of the answer's object. */
const MAX_STARTS = 50;
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

/** Every `{` of the text, in order, up to a bound. */
function braceStarts(text: string): number[] {
  const starts: number[] = [];
  for (let index = text.indexOf("{"); index !== -1 && starts.length < MAX_STARTS; index = text.indexOf("{", index + 1)) starts.push(index);
  return starts;
}

function parseObject(text: string, repair: boolean): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? value : null;
  } catch {
    if (!repair) return null;
  }
  try {
    const value: unknown = JSON.parse(jsonrepair(text));
    return isObject(value) ? value : null;
  } catch {
    return null;
  }
}

function parseError(text: string): string {
  try {
    JSON.parse(text);
    return "the answer is JSON, but not an object";
  } catch (error) {
    return `the answer is not valid JSON (${(error as Error).message})`;
  }
}

interface Candidate {
  text: string;
  fenced: boolean;
  closed: boolean;
}

/** Each balanced object the text holds (fenced ones first), and the rest of the text from its first `{` if that never closes. */
function candidates(text: string): Candidate[] {
  const fenced = fencedStarts(text);
  const found: Candidate[] = [];
  for (const start of [...fenced, ...braceStarts(text).filter((index) => !fenced.includes(index))]) {
    const end = balancedEnd(text, start);
    if (end !== null) found.push({ text: text.slice(start, end), fenced: fenced.includes(start), closed: true });
  }
  const first = text.indexOf("{");
  if (first !== -1 && balancedEnd(text, first) === null) found.push({ text: text.slice(first), fenced: false, closed: false });
  return found;
}

/** Fenced first, then the longest: a slip in the answer's object should win over braces in its prose. */
function repairOrder(left: Candidate, right: Candidate): number {
  if (left.fenced !== right.fenced) return left.fenced ? -1 : 1;
  return right.text.length - left.text.length;
}

/**
 * The JSON object of an answer as models really write it: the whole answer, else the first
 * balanced object that parses (one inside a ```json fence first), else one whose small slips
 * can be repaired when `repair` allows it (a cut-off answer is never closed by repair).
 */
export function readJsonAnswer(content: string, options: ReadOptions): ReadJson {
  const text = content.trim();
  const whole = parseObject(text, false);
  if (whole) return { ok: true, json: whole };
  const found = candidates(text);
  for (const candidate of found.filter((item) => item.closed)) {
    const json = parseObject(candidate.text, false);
    if (json) return { ok: true, json };
  }
  if (options.repair) {
    for (const candidate of [...found].sort(repairOrder)) {
      const json = parseObject(candidate.text, true);
      if (json) return { ok: true, json };
    }
  }
  const first = text.indexOf("{");
  return { ok: false, problem: first === -1 ? "the answer holds no JSON object" : parseError(text.slice(first)) };
}
