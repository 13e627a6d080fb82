import type { CommitTitle } from "../ports/github-types.ts";

/**
 * Conventional Commits 1.0 (https://www.conventionalcommits.org/en/v1.0.0/): a commit's first
 * line is `type(scope): description`, with an optional scope and an optional `!`. Release tools
 * (release-please, semantic-release) read the type to choose the next version and the changelog.
 */

/** The types a plan's task may declare: those of the Angular convention that commitlint and the release tools know. */
export const CHANGE_TYPES = ["feat", "fix", "docs", "refactor", "test", "perf", "build", "ci", "chore", "style"] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];

/** A scope: one short lower-case word (dashes allowed), as `stats` in `feat(stats): …`. */
export const SCOPE_PATTERN = /^[a-z][a-z0-9-]{0,19}$/;

/** How Foreman titles a task's pull request (and its commit). */
export const TITLE_STYLES = ["conventional", "plain"] as const;
export type TitleStyle = (typeof TITLE_STYLES)[number];

/**
 * The style a workflow keeps: the configured one, or for `auto` the one found in the history
 * (plain when none was found: the history was not read).
 */
export function chosenTitleStyle(setting: TitleStyle | "auto", detected: TitleStyle | undefined): TitleStyle {
  return setting === "auto" ? (detected ?? "plain") : setting;
}

/** Commits the detection needs before it trusts what it sees. */
const MIN_DETECTION_COMMITS = 3;
/** The share of the non-merge commits that must be conventional. */
const CONVENTIONAL_SHARE = 0.6;

/** Any type (the specification allows types beyond the usual ones), a scope in parentheses, `!`, then `: ` and a description. */
const CONVENTIONAL_TITLE = /^[A-Za-z]+(?:\([^()\r\n]+\))?!?: \S/;

/** Whether a commit's first line follows Conventional Commits. */
export function isConventionalTitle(title: string): boolean {
  return CONVENTIONAL_TITLE.test(title);
}

/**
 * The style the history uses: conventional when at least `MIN_DETECTION_COMMITS` of its commits
 * are not merges and at least `CONVENTIONAL_SHARE` of those follow Conventional Commits; plain
 * otherwise. Merge commits are left out: GitHub writes their titles (`Merge pull request #…`).
 */
export function detectTitleStyle(commits: readonly CommitTitle[]): TitleStyle {
  const titles = commits.filter((commit) => !commit.merge).map((commit) => commit.title);
  if (titles.length < MIN_DETECTION_COMMITS) return "plain";
  const conventional = titles.filter(isConventionalTitle).length;
  return conventional >= CONVENTIONAL_SHARE * titles.length ? "conventional" : "plain";
}

/** What a task's type is inferred from when the plan does not say it. */
export type TypeClues = { title: string; issueTitle: string; files: readonly string[] };

const FIX_WORDS = /\b(?:fix(?:e[sd])?|bug(?:s|fix)?|broken|crash(?:es)?|regression)\b/i;
const DOC_FILE = /(?:^|\/)(?:docs?)\/|\.(?:md|mdx|rst|adoc|txt)$/i;
const TEST_FILE = /(?:^|\/)(?:tests?|__tests__|spec)\/|\.(?:test|spec)\.[a-z]+$|(?:^|\/)test_[^/]+\.py$|_test\.(?:go|py)$/i;

/**
 * A task's type when the plan gives none: `docs` when it only touches documentation, `test` when
 * it only touches tests, `fix` when the task or the issue speaks of a fix or a bug, else `feat`.
 */
export function inferChangeType(clues: TypeClues): ChangeType {
  const { files } = clues;
  if (files.length > 0 && files.every((path) => DOC_FILE.test(path))) return "docs";
  if (files.length > 0 && files.every((path) => TEST_FILE.test(path))) return "test";
  return FIX_WORDS.test(clues.title) || FIX_WORDS.test(clues.issueTitle) ? "fix" : "feat";
}

/**
 * A description as commitlint's conventional config wants it: no sentence case (`Add mean()` →
 * `add mean()`, while `README`, `API` or `iOS` stay as written) and no full stop at the end.
 */
export function conventionalDescription(title: string): string {
  const trimmed = title.trim().replace(/\.+$/, "");
  return /^[A-Z][a-z]/.test(trimmed) && !/^[A-Z][a-z]*[A-Z]/.test(trimmed.split(/\s/)[0] ?? "")
    ? `${trimmed.charAt(0).toLowerCase()}${trimmed.slice(1)}`
    : trimmed;
}

/** `type(scope): description`, the description as `conventionalDescription` writes it. */
export function conventionalTitle(heading: { type: ChangeType; scope?: string | undefined; title: string }): string {
  const scope = heading.scope === undefined ? "" : `(${heading.scope})`;
  return `${heading.type}${scope}: ${conventionalDescription(heading.title)}`;
}
