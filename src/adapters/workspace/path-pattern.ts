import { unsafePathReason } from "../../plan/safe-path.ts";
import { compileGlob, InvalidGlobError } from "../../policy/glob.ts";

export type PathMatcher = (path: string) => boolean;

const GLOB_CHARACTERS = /[*?[\]{}()!]/;

/** Why a pattern cannot be used (in the words a model can act on), or the matcher it stands for. */
export type PatternReading = { matcher: PathMatcher } | { problem: string };

/** A path as asked for (`./src/a.ts`, `src//a.ts`), in the one spelling the tree uses, or why it is not a path of the repository. */
export function normalisePath(path: string): { path: string } | { problem: string } {
  const trimmed = path
    .trim()
    .replace(/^(\.\/)+/, "")
    .replace(/\/{2,}/g, "/");
  const reason = unsafePathReason(trimmed);
  return reason === undefined ? { path: trimmed } : { problem: `the path ${JSON.stringify(path)} ${reason}` };
}

/**
 * A folder (`src`, `src/`), a file, or a glob (`src/**\/*.ts`, `*.{md,txt}`), matched against
 * paths from the repository root; no pattern (or `.`) matches every file.
 */
export function readPattern(pattern: string | undefined): PatternReading {
  const trimmed = (pattern ?? "").trim().replace(/^(\.\/)+/, "");
  if (trimmed === "" || trimmed === "." || trimmed === "/") return { matcher: () => true };
  if (GLOB_CHARACTERS.test(trimmed)) {
    if (trimmed.startsWith("/")) return { problem: "a pattern is written from the repository root, without a leading /" };
    try {
      return { matcher: compileGlob(trimmed.endsWith("/") ? `${trimmed}**` : trimmed) };
    } catch (error) {
      if (error instanceof InvalidGlobError) return { problem: error.message };
      throw error;
    }
  }
  const folder = normalisePath(trimmed.replace(/\/+$/, ""));
  if ("problem" in folder) return folder;
  const prefix = `${folder.path}/`;
  return { matcher: (path) => path === folder.path || path.startsWith(prefix) };
}
