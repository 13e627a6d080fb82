import { GitInvalidInputError, GitTreeError } from "./errors.ts";

const FULL_SHA = /^[0-9a-f]{40}$/i;
const ABBREVIATED_SHA = /^[0-9a-f]{4,39}$/i;

export const ZERO_SHA = "0".repeat(40);
export const EMPTY_TREE_SHA = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";

export function isFullSha(value: string): boolean {
  return FULL_SHA.test(value);
}

export function isAbbreviatedSha(value: string): boolean {
  return ABBREVIATED_SHA.test(value);
}

/** Lower-cases a 40-hex SHA, or throws when the value is not one. */
export function requireSha(value: string, what = "sha"): string {
  if (!isFullSha(value)) throw new GitInvalidInputError(`${what} must be a 40-character hexadecimal SHA, got "${value}"`);
  return value.toLowerCase();
}

/**
 * Checks a repository-relative path the way GitHub checks `tree[].path`:
 * no empty, `.`, `..` or `.git` segments, no leading or trailing slash, no NUL or newline.
 */
export function requireTreePath(path: string): string {
  if (path === "" || path.startsWith("/") || path.endsWith("/")) {
    throw new GitTreeError(path, `tree.path "${path}" must be a relative path without leading or trailing slash`);
  }
  for (const segment of path.split("/")) {
    if (segment === "" || segment === "." || segment === ".." || segment.toLowerCase() === ".git") {
      throw new GitTreeError(path, `tree.path "${path}" contains a malformed path component`);
    }
  }
  if (/[\0\n]/.test(path)) {
    throw new GitTreeError(path, `tree.path "${path}" contains a forbidden character`);
  }
  return path;
}

/** Normalises a contents-API style path: strips surrounding slashes; "" is the root. */
export function normalizeLookupPath(path: string): string {
  return path.replace(/^\/+/, "").replace(/\/+$/, "");
}

export function decodeContent(content: string, encoding: "utf-8" | "base64"): Buffer {
  if (encoding === "utf-8") return Buffer.from(content, "utf8");
  const compact = content.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) {
    throw new GitInvalidInputError("content is not valid base64");
  }
  return Buffer.from(compact, "base64");
}
