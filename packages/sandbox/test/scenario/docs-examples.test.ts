import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseScenario } from "../../src/scenario/index.ts";

const root = join(import.meta.dirname, "..", "..", "..", "..");
const fixtures = join(import.meta.dirname, "fixtures");

function yamlBlocks(): string[] {
  const text = readFileSync(join(root, "docs", "scenarios.md"), "utf8");
  return [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].flatMap((match) => match[1] ?? []);
}

/** The blocks that are whole scenarios (they start with `name:`). */
function documentedScenarios(): string[] {
  return yamlBlocks().filter((block) => block.startsWith("name:"));
}

const BASE: Record<string, string> = {
  name: "name: fragment",
  repository: "repository: { owner: acme, name: calc, files: { a.txt: hi } }",
  actors: "actors: [{ login: maya, permission: admin }]",
  issue: "issue: { author: maya, title: T }",
};

/** The other blocks, each completed into a scenario by the keys it does not give. */
function documentedFragments(): [string, string][] {
  return yamlBlocks()
    .filter((block) => !block.startsWith("name:"))
    .map((block) => {
      const key = block.split(":")[0] ?? "";
      const rest = Object.entries(BASE).flatMap(([name, line]) => (name === key ? [] : [line]));
      return [key, [...rest, block].join("\n")];
    });
}

describe("docs/scenarios.md examples", () => {
  it("has the three full examples", () => {
    expect(documentedScenarios()).toHaveLength(3);
  });

  it.each(documentedScenarios().map((text) => [text.split("\n")[0] ?? "", text]))("parses %s", (_name, text) => {
    const scenario = parseScenario(text, { baseDir: fixtures, fileName: "docs/scenarios.md" });

    expect(scenario.steps.length).toBeGreaterThan(0);
    expect(Object.keys(scenario.repository.files).length).toBeGreaterThan(0);
  });

  it.each(documentedFragments())("parses the %s fragment", (_key, text) => {
    expect(() => parseScenario(text, { baseDir: fixtures })).not.toThrow();
  });
});
