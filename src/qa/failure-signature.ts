import { createHash } from "node:crypto";
import { cleanLog, ERROR_LINE } from "./trim-log.ts";

/** How many trailing lines stand for a log that has no error-looking line. */
const TAIL_LINES = 10;

const ISO_TIME = /\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?/gi;
const CLOCK = /\b\d\d:\d\d:\d\d(?:\.\d+)?\b/g;
const DURATION = /\(?\b\d+(?:\.\d+)?\s?(?:ns|µs|us|ms|s|sec|secs|seconds?|m|min|minutes?|h)\b\)?/gi;
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const HEX_ID = /\b(?=[0-9a-f]*\d)[0-9a-f]{7,}\b/gi;
/** Temporary directories, down to the file name: `/tmp/ci-Xy12/repo/a.test.js` → `<tmp>/a.test.js`. */
const TEMP_PATH = /(?:\/private)?(?:\/tmp|\/var\/folders|\/home\/runner\/work\/_temp|\/runner\/_work\/_temp)\/(?:[^\s:()'"/]+\/)*/g;
const LINE_COL = /:\d+(?::\d+)?\b/g;
const NUMBER = /\d+(?:\.\d+)?/g;

/** One error line in a form that survives reruns: no times, durations, ids, temp paths or numbers. */
export function normalizeErrorLine(line: string): string {
  return line
    .toLowerCase()
    .replace(ISO_TIME, "")
    .replace(CLOCK, "")
    .replace(DURATION, "")
    .replace(UUID, "<id>")
    .replace(HEX_ID, "<id>")
    .replace(TEMP_PATH, "<tmp>/")
    .replace(LINE_COL, ":#")
    .replace(NUMBER, "#")
    .replace(/\s+/g, " ")
    .trim();
}

/** The lines of a log that report a failure, cleaned of ANSI codes and timestamps, in order. */
export function errorLines(text: string): string[] {
  return cleanLog(text)
    .split("\n")
    .filter((line) => ERROR_LINE.test(line))
    .map((line) => line.trim());
}

/** A short stable hash of a set of lines, after normalising each; order and repeats do not count. */
export function signatureOfLines(lines: readonly string[]): string {
  const normalized = [...new Set(lines.map(normalizeErrorLine).filter((line) => line !== ""))].sort();
  return createHash("sha256").update(normalized.join("\n")).digest("hex").slice(0, 16);
}

/**
 * The failure's signature: the same failure twice gives the same signature even with other
 * timings, ids and temp paths; another assertion gives another one. A log without an
 * error-looking line is represented by its last lines.
 */
export function failureSignature(text: string): string {
  const lines = errorLines(text);
  if (lines.length > 0) return signatureOfLines(lines);
  const tail = cleanLog(text)
    .split("\n")
    .filter((line) => line.trim() !== "")
    .slice(-TAIL_LINES);
  return signatureOfLines(tail);
}
