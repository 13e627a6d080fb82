import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseScenario, type Scenario } from "@foreman/sandbox";
import { parseDocument, stringify } from "yaml";

const ROOT = join(import.meta.dirname, "..", "..");
const DOCS_PAGE = join(ROOT, "docs", "scenarios.md");
/** The scenario fixtures, and the folder the page's examples are read from (for `./templates/…`). */
const FIXTURES = join(ROOT, "packages", "sandbox", "test", "scenario", "fixtures");

/** One scenario to load: its YAML text, where relative paths in it start, and a name for messages. */
export interface ScenarioText {
  title: string;
  text: string;
  baseDir: string;
  fileName: string;
}

function fencedBlocks(language: string): string[] {
  const page = readFileSync(DOCS_PAGE, "utf8");
  return [...page.matchAll(new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``, "g"))].flatMap((match) => match[1] ?? []);
}

/** The page's full examples: the YAML blocks that are whole scenarios (they start with `name:`). */
export function documentedScenarios(): ScenarioText[] {
  return fencedBlocks("yaml")
    .filter((block) => block.startsWith("name:"))
    .map((text) => ({ title: (text.split("\n")[0] ?? "").replace(/^name: /, ""), text, baseDir: FIXTURES, fileName: "docs/scenarios.md" }));
}

function asMapping(text: string, what: string): Record<string, unknown> {
  const value: unknown = parseDocument(text).toJS();
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error(`${what} is not a YAML mapping`);
  return value as Record<string, unknown>;
}

/**
 * A snippet that shows one key, run inside the page's first full example (the happy path): its key
 * replaces the example's, except a `model:` snippet, which replaces only the keys it gives.
 */
function withinFirstExample(snippet: string, ordinal: number): ScenarioText {
  const first = documentedScenarios()[0];
  if (!first) throw new Error("docs/scenarios.md has no full example to run its snippets in");
  const base = asMapping(first.text, "the first example");
  const given = asMapping(snippet, "a snippet");
  const keys = Object.keys(given);
  const merged = { ...base };
  for (const key of keys) {
    const mergeable = key === "model" && typeof base[key] === "object" && typeof given[key] === "object";
    merged[key] = mergeable ? { ...(base[key] as object), ...(given[key] as object) } : given[key];
  }
  const what = `snippet ${ordinal} (${keys.join(", ")})`;
  return { title: `${what}, in ${first.title}`, text: stringify(merged), baseDir: FIXTURES, fileName: `docs/scenarios.md, ${what}` };
}

/** The page's other YAML blocks, each made into a runnable scenario by the first full example. */
export function documentedSnippets(): ScenarioText[] {
  return fencedBlocks("yaml")
    .filter((block) => !block.startsWith("name:"))
    .map((snippet, index) => withinFirstExample(snippet, index + 1));
}

/** The scenario files in the sandbox's fixtures folder. */
export function fixtureFiles(): ScenarioText[] {
  return readdirSync(FIXTURES)
    .filter((name) => name.endsWith(".yml"))
    .sort()
    .map((name) => ({ title: name, text: readFileSync(join(FIXTURES, name), "utf8"), baseDir: FIXTURES, fileName: name }));
}

/**
 * The load failures the page shows, by fixture file name: a `text` block that starts with
 * `<file>.yml: N problems` is the whole message loading that fixture must give.
 */
export function documentedFailures(): Map<string, string> {
  const failures = new Map<string, string>();
  for (const block of fencedBlocks("text")) {
    const file = /^([\w-]+\.yml): \d+ problems?\n/.exec(block)?.[1];
    if (file) failures.set(file, block.trimEnd());
  }
  return failures;
}

/** Loads one of these texts as the sandbox does; throws the `ScenarioError` that lists its problems. */
export function loadText(example: ScenarioText): Scenario {
  return parseScenario(example.text, { baseDir: example.baseDir, fileName: example.fileName });
}
