import { isAbsolute, normalize, relative } from "node:path";
import type { Annotation } from "../state/types.ts";

/** GitHub accepts at most 50 annotations per check run update. */
export const MAX_ANNOTATIONS = 50;
const MAX_MESSAGE_CHARS = 4_000;
const LOOK_BACK_LINES = 12;

/** `src/a.ts(12,5): error TS2322: ...` as `tsc` prints it without `--pretty`. */
const TYPESCRIPT_LINE = /^(\S+?\.[cm]?tsx?)\((\d+),(\d+)\): (error .*)$/;
/** `path:line` or `path:line:column`, optionally as a `file://` URL: stack frames, linters, compilers. */
const FILE_LOCATION = /(?:file:\/\/)?((?:\/|\.{1,2}\/)?[\w@.+-]+(?:\/[\w@.+-]+)*\.[A-Za-z0-9]+):(\d+)(?::(\d+))?/g;
const STACK_FRAME = /^\s*at\s/;
const ERROR_LINE = /\b\w*(?:Error|Exception)\b|\berror\b|^\s*(?:✖|FAIL\b|not ok\b)/;

interface Candidate {
  path: string;
  line: number;
  message: string;
  score: number;
}

/** The repository-relative path a printed location names, or `null` when it is outside the checkout. */
function toRepoPath(printed: string, checkoutDir: string): string | null {
  let path = printed;
  try {
    path = decodeURI(printed);
  } catch {
    // keep the printed form
  }
  const rel = isAbsolute(path) ? relative(checkoutDir, path) : normalize(path);
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) return null;
  if (rel.split("/").includes("node_modules")) return null;
  return rel;
}

/** The error a location belongs to: the nearest error line above it, down to the location itself. */
function messageFor(lines: readonly string[], index: number): { message: string; score: number } {
  const own = (lines[index] ?? "").trim();
  for (let at = index; at >= Math.max(0, index - LOOK_BACK_LINES); at -= 1) {
    const candidate = lines[at] ?? "";
    if (STACK_FRAME.test(candidate) || !ERROR_LINE.test(candidate)) continue;
    const block = lines
      .slice(at, index)
      .filter((line) => line.trim() !== "" && !STACK_FRAME.test(line))
      .map((line) => line.trim());
    const message = block.length > 0 ? block.join("\n") : own;
    return { message, score: /Error|Exception|error TS/.test(message) ? 2 : 1 };
  }
  return { message: own, score: 0 };
}

function candidatesOnLine(lines: readonly string[], index: number, checkoutDir: string): Candidate[] {
  const text = lines[index] ?? "";
  const typescript = TYPESCRIPT_LINE.exec(text.trim());
  if (typescript?.[1] && typescript[2] && typescript[4]) {
    const path = toRepoPath(typescript[1], checkoutDir);
    return path ? [{ path, line: Number(typescript[2]), message: typescript[4], score: 3 }] : [];
  }
  const found: Candidate[] = [];
  for (const match of text.matchAll(FILE_LOCATION)) {
    const [, printed, line] = match;
    const path = printed ? toRepoPath(printed, checkoutDir) : null;
    if (!path || !line || Number(line) < 1) continue;
    found.push({ path, line: Number(line), ...messageFor(lines, index) });
  }
  return found;
}

/**
 * Failure annotations for the file locations a failed command printed: test runner stack
 * frames (`at fn (file:///…/a.test.js:12:5)`), `tsc` errors (`a.ts(12,5): error …`) and
 * `path:line` references. Only files that exist in the checkout count; one annotation per
 * file and line, carrying the error message printed above the location; at most `limit`.
 */
export function annotationsFromLog(
  lines: readonly string[],
  checkoutDir: string,
  exists: (repoPath: string) => boolean,
  limit = MAX_ANNOTATIONS,
): Annotation[] {
  const best = new Map<string, Candidate>();
  for (let index = 0; index < lines.length; index += 1) {
    for (const candidate of candidatesOnLine(lines, index, checkoutDir)) {
      const key = `${candidate.path}:${candidate.line}`;
      const previous = best.get(key);
      if (previous && previous.score >= candidate.score) continue;
      if (!previous && best.size >= limit) continue;
      if (!exists(candidate.path)) continue;
      best.set(key, candidate);
    }
  }
  return [...best.values()].map((candidate) => ({
    path: candidate.path,
    startLine: candidate.line,
    endLine: candidate.line,
    level: "failure",
    message: candidate.message.slice(0, MAX_MESSAGE_CHARS),
    title: null,
  }));
}
