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

/**
 * The top-level objects of the text in order (an object inside one is part of it, never one of
 * its own), up to a bound; an object that never closes ends the list with its start.
 */
function topLevel(text: string): Array<{ start: number; end: number | null }> {
  const found: Array<{ start: number; end: number | null }> = [];
  for (let start = text.indexOf("{"); start !== -1 && found.length < MAX_OBJECTS;) {
    const end = balancedEnd(text, start);
    found.push({ start, end });
    if (end === null) break;
    start = text.indexOf("{", end);
  }
  return found;
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

/** The objects the text holds, fenced ones first, then the top-level ones; one that never closes runs to the end. */
function candidates(text: string): Candidate[] {
  const fenced = fencedStarts(text).map((start) => ({ start, end: balancedEnd(text, start), fenced: true }));
  const rest = topLevel(text)
    .filter((object) => !fenced.some((other) => other.start === object.start))
    .map((object) => ({ ...object, fenced: false }));
  return [...fenced, ...rest].map(({ start, end, fenced: inFence }) => ({
    text: text.slice(start, end ?? undefined),
    fenced: inFence,
    closed: end !== null,
  }));
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
