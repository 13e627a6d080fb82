import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");

/** Folders that runs write (ignored by git): what the docs say is written there is not in a clone. */
const RUN_OUTPUT = new Set(["bench-results", "eval-results", "coverage", "node_modules"]);

const existsInRepository = (path: string): boolean => !RUN_OUTPUT.has(path) && existsSync(join(ROOT, path));

/** The folders of this repository the docs name; a path starting with one is checked. */
const REPOSITORY_FOLDERS = /^(?:src|packages|demo|bench|test|docs|prompts|dist)\//;

/** A code span that is a command: each of its words may be a path (`npx vitest run test/security`). */
const COMMAND = /^(?:npm|npx|node)\s/;

/** Paths the docs name in the repository Foreman works on, not in this one. */
const IN_THE_USERS_REPOSITORY = new Set([".github/foreman.yml"]);

/** README.md and every page under docs/, as paths from the root. */
function pages(): string[] {
  const docs = readdirSync(join(ROOT, "docs"), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".md"))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
  return ["README.md", ...docs.sort()];
}

/** The page without its fenced blocks: those hold trees, logs and examples, not references. */
function prose(markdown: string): string {
  return markdown.replace(/^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^ {0,3}\1[^\n]*$|(?![\s\S]))/gm, "");
}

/**
 * Whether a word names a file or folder of this repository: it starts with one of the folders
 * above, or it has a `/` and an extension and starts with a folder this repository has
 * (`.github/workflows/ci.yml`). Globs, placeholders, URLs and text with spaces are not paths, nor
 * are example paths in some other repository (`web/yarn.lock`: there is no `web/` here).
 */
function looksLikePath(word: string): boolean {
  if (/[\s*?<>{}()$|\\]|:\/\/|\.\.\./.test(word)) return false;
  if (REPOSITORY_FOLDERS.test(word)) return true;
  const top = word.split("/")[0] ?? "";
  return /^[\w.@-]+(?:\/[\w.@-]+)+\.[A-Za-z0-9]+$/.test(word) && existsInRepository(top);
}

/** The paths in the page's code spans: a span that is a path, or the words of a command. */
function codePaths(markdown: string): string[] {
  const spans = [...prose(markdown).matchAll(/(`+)([^`]+?)\1/g)].map((match) => (match[2] ?? "").trim());
  const words = spans.flatMap((span) => (COMMAND.test(span) ? span.split(/\s+/) : [span]));
  return words
    .map((word) => word.replace(/:\d+$/, ""))
    .filter(looksLikePath)
    .map((word) => word.replace(/\/$/, ""));
}

/** The relative targets of the page's links, without their anchors. */
function linkTargets(markdown: string): string[] {
  const targets = [...prose(markdown).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((match) => match[1] ?? "");
  return targets.filter((target) => !/^(?:[a-z]+:|#)/i.test(target)).map((target) => target.replace(/#.*$/, ""));
}

/** Where a path is in a clean clone: `dist/` is built from `src/`, `dist/main.js` from `src/main.ts`. */
const sourceOf = (path: string): string => path.replace(/^dist\/?$/, "src").replace(/^dist\/(.+)\.js$/, "src/$1.ts");

/**
 * What a page points at that does not exist: paths in code spans (from the repository root) and
 * link targets (from the page's folder), each as the page wrote it.
 */
function missingPaths(markdown: string, page: string, exists: (path: string) => boolean): string[] {
  const fromRoot = codePaths(markdown).filter((path) => !IN_THE_USERS_REPOSITORY.has(path) && !exists(sourceOf(path)));
  const linked = linkTargets(markdown).filter((target) => !exists(join(dirname(page), target)));
  return [...new Set([...fromRoot, ...linked])];
}

describe("paths the docs name", () => {
  it("finds paths in code spans, commands and links, and reports the ones that do not exist", () => {
    const page = [
      "The driver is `packages/sandbox/src/run/drive-scenario.ts`; the old one was `src/sandbox/run/run-scenario.ts`.",
      "Run `npx vitest run test/unit/engine test/nowhere`, `node dist/main.js --help` or `node dist/gone.js`.",
      "Read [the guide](../gone.md#setup) and [operations](../operations.md#restarts).",
      "Globs (`.github/workflows/**`), placeholders (`foreman/<issue>/<task>`), `owner/repo#12`, `web/yarn.lock`,",
      "log lines (`src/a.ts(12,5): error`) and [links](https://example.com/a.md) are not paths here.",
      "```sh\nnpm run demo -- --scenario src/never/checked.yml\n```",
    ].join("\n");

    const missing = missingPaths(page, "docs/development/README.md", existsInRepository);

    expect(missing).toEqual(["src/sandbox/run/run-scenario.ts", "test/nowhere", "dist/gone.js", "../gone.md"]);
  });

  it("reads every page and finds paths in them", () => {
    const found = pages().flatMap((page) => codePaths(readFileSync(join(ROOT, page), "utf8")));

    expect(pages()).toContain("docs/architecture.md");
    expect(found.length).toBeGreaterThan(100);
  });

  it.each(pages())("%s names only files and folders that exist", (page) => {
    const markdown = readFileSync(join(ROOT, page), "utf8");

    expect(missingPaths(markdown, page, existsInRepository)).toEqual([]);
  });
});
