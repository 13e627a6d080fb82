import { GitInvalidRefNameError } from "./errors.ts";

/**
 * Turns a GitHub-style ref name (`heads/main`, `tags/v1`, or the same with `refs/`) into a fully
 * qualified one, or returns `null` when git or GitHub would refuse it: `git check-ref-format`
 * rules, and at least two slashes once qualified.
 */
export function qualifyRefName(name: string): string | null {
  const full = name.startsWith("refs/") ? name : `refs/${name}`;
  if (full.split("/").length < 3 || !isValidRefFormat(full)) return null;
  return full;
}

export function requireRefName(name: string): string {
  const full = qualifyRefName(name);
  if (full === null) throw new GitInvalidRefNameError(name);
  return full;
}

/** `git check-ref-format` without options, as a pure function. */
export function isValidRefFormat(ref: string): boolean {
  if (ref === "@" || ref.startsWith("/") || ref.endsWith("/") || ref.endsWith(".")) return false;
  if (ref.includes("//") || ref.includes("..") || ref.includes("@{")) return false;
  if ([...ref].some((char) => char.charCodeAt(0) <= 0x20 || char.charCodeAt(0) === 0x7f)) return false;
  if (/[~^:?*[\\]/.test(ref)) return false;
  return ref.split("/").every((component) => !component.startsWith(".") && !component.endsWith(".lock"));
}

/** A branch name (`main`, `foreman/1/a`) as a fully qualified ref, or `null` when invalid. */
export function branchRefName(branch: string): string | null {
  const name = branch.startsWith("refs/heads/") ? branch.slice("refs/heads/".length) : branch;
  if (name.startsWith("-")) return null;
  return qualifyRefName(`heads/${name}`);
}
