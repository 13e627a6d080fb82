import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CONFIG_PATH, readConfigLayer } from "../../../src/config/index.ts";
import { parseRepoConfigYaml } from "../../../src/config/parse-repo-config-yaml.ts";
import { RepoConfig } from "../../../src/config/repo-config.ts";
import { allKeyPaths } from "../../../src/config/schema-keys.ts";

const DOC = readFileSync(new URL("../../../docs/configuration.md", import.meta.url), "utf8");
const DEFAULTS = RepoConfig.parse({}) as Record<string, unknown>;
const KEY_PATHS = allKeyPaths(RepoConfig);
const LEAF_PATHS = KEY_PATHS.filter(
  (path) => !KEY_PATHS.some((other) => other.length > path.length && path.every((key, index) => other[index] === key)),
);

const dotted = (path: readonly string[]): string => path.join(".");

function valueAt(data: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>(
    (current, key) => (current !== null && typeof current === "object" ? (current as Record<string, unknown>)[key] : undefined),
    data,
  );
}

/** How the page writes a default: `[]`, `true`, `400000`, `squash`. */
function written(value: unknown): string {
  return typeof value === "object" && value !== null ? JSON.stringify(value) : String(value);
}

function yamlBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1] ?? "");
}

/** The text under each `### \`key\`` heading of the Keys section, by key. */
function keySections(markdown: string): Map<string, string> {
  const keys = markdown.slice(markdown.indexOf("\n## Keys"));
  const parts = keys.split(/\n### `([^`]+)`\n/);
  const sections = new Map<string, string>();
  for (let index = 1; index < parts.length; index += 2) sections.set(parts[index] ?? "", parts[index + 1] ?? "");
  return sections;
}

type Row = { key: string; cells: Record<string, string> };

/** The rows of the table in a section, keyed by the code in their first cell. */
function tableRows(section: string): Row[] {
  const lines = section.split("\n").filter((line) => line.startsWith("|"));
  const split = (line: string): string[] =>
    line
      .split(/(?<!\\)\|/)
      .slice(1, -1)
      .map((cell) => cell.trim());
  const header = split(lines[0] ?? "");
  return lines.slice(2).map((line) => {
    const cells = split(line);
    return {
      key: /^`([^`]+)`$/.exec(cells[0] ?? "")?.[1] ?? cells[0] ?? "",
      cells: Object.fromEntries(header.map((name, index) => [name, cells[index] ?? ""])),
    };
  });
}

const completeExample = yamlBlocks(DOC)[0] ?? "";
/** The complete example with its commented-out keys (`# engineer: …`) switched on. */
const everyKeyExample = completeExample.replace(/^(\s*)# (\w+: )/gm, "$1$2");
const sections = keySections(DOC);

describe("docs/configuration.md", () => {
  it("finds the schema's keys and the page's parts to compare", () => {
    expect(LEAF_PATHS.length).toBeGreaterThan(20);
    expect(completeExample).toContain("label:");
    expect(sections.size).toBeGreaterThan(5);
  });

  it("holds only YAML examples Foreman accepts, each as one file (an _extends is not followed)", () => {
    const problems = yamlBlocks(DOC).flatMap(
      (block) => readConfigLayer({ owner: "acme", repo: "stats", path: CONFIG_PATH }, true, block).problems,
    );

    expect(yamlBlocks(DOC).length).toBeGreaterThanOrEqual(2);
    expect(problems).toEqual([]);
  });

  it("gives every default in the complete example", () => {
    const result = parseRepoConfigYaml(completeExample);

    expect(result).toEqual({ ok: true, config: DEFAULTS });
  });

  it.each(LEAF_PATHS.map(dotted))("names %s in the complete example", (key) => {
    const data: unknown = parse(everyKeyExample);

    expect(valueAt(data, key.split("."))).not.toBeUndefined();
  });

  it.each(LEAF_PATHS.map(dotted))("describes %s with its default under Keys", (key) => {
    const [top = "", ...rest] = key.split(".");
    const section = sections.get(top);
    const fallback = valueAt(DEFAULTS, key.split("."));

    expect(section, `a "### \`${top}\`" section`).toBeDefined();
    if (rest.length === 0) {
      expect(section).toContain(`Default: \`${written(fallback)}\``);
      return;
    }
    const row = tableRows(section ?? "").find((candidate) => candidate.key === rest.join("."));
    expect(row, `a row for \`${rest.join(".")}\` in the \`${top}\` table`).toBeDefined();
    if (fallback !== undefined) expect(row?.cells.Default).toContain(`\`${written(fallback)}\``);
  });

  it("describes no key the schema does not have", () => {
    const known = new Set(KEY_PATHS.map(dotted));
    const documented = [...sections].flatMap(([top, section]) => [
      top,
      ...tableRows(section)
        .filter((row) => known.has(top) && "Default" in row.cells)
        .map((row) => `${top}.${row.key}`),
    ]);

    expect(documented.filter((key) => !known.has(key))).toEqual([]);
    expect(documented.length).toBeGreaterThan(LEAF_PATHS.length / 2);
  });
});
