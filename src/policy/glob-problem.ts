import { compileGlob, InvalidGlobError } from "./glob.ts";

/** Characters a backslash may escape in a glob; before any other it is a Windows folder separator in disguise. */
const ESCAPABLE = new Set([..."*?[]{}()!+@|\\,.-^$/"]);

/**
 * Why a glob from the configuration cannot be used, or undefined when it can. A pattern
 * that could never match a path Foreman writes (absolute, with `..`, ending in `/`) would
 * protect nothing without a word, so it is a problem too.
 */
export function globProblem(glob: string): string | undefined {
  return shapeProblem(glob) ?? parseProblem(glob);
}

function shapeProblem(glob: string): string | undefined {
  if (glob.startsWith("/") || /^[A-Za-z]:/.test(glob)) return "is absolute: write the path from the repository root, without the leading /";
  if (strayBackslash(glob)) return "contains a backslash: separate folders with /";
  if (glob.startsWith("!") && !glob.startsWith("!("))
    return "starts with !: a negated pattern is not supported; list only the paths to protect";
  if (glob.endsWith("/")) return `ends with /: write ${JSON.stringify(`${glob}**`)} for everything under the folder`;
  const segments = glob.replace(/^\.\//, "").split("/");
  if (segments.includes("..")) return "leaves the repository with ..";
  if (segments.includes(".")) return "has a . folder: write the path from the repository root";
  if (segments.includes("")) return "has an empty folder name (//)";
  return undefined;
}

function strayBackslash(glob: string): boolean {
  for (let index = 0; index < glob.length; index += 1) {
    if (glob[index] !== "\\") continue;
    const next = glob[index + 1];
    if (next === undefined || !ESCAPABLE.has(next)) return true;
    index += 1;
  }
  return false;
}

function parseProblem(glob: string): string | undefined {
  try {
    compileGlob(glob);
    return undefined;
  } catch (error) {
    if (error instanceof InvalidGlobError) return `is not a valid glob: ${error.reason}`;
    throw error;
  }
}
