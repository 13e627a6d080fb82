import { posix } from "node:path";
import { describe, expect, it } from "vitest";
import { CONFIG_PATH, generateRepository, STORY } from "../../../../bench/context/repository.ts";
import { ISSUE } from "../../../../bench/context/scenario.ts";
import { filesThatMatter, formatTree } from "../../../../src/agents/repo-context.ts";

const CONFIG = "planApproval: auto\n";

/** The relative imports of a JavaScript file, resolved from its folder. */
function importsOf(path: string, text: string): string[] {
  return [...text.matchAll(/from "(\.[^"]+)"/g)].map((match) => posix.join(posix.dirname(path), match[1] ?? ""));
}

describe("the generated repository", () => {
  it.each([100, 101, 1000, 10_000])("holds exactly %i files, the same each time", (size) => {
    const files = generateRepository(size, CONFIG);

    expect(Object.keys(files)).toHaveLength(size);
    expect(generateRepository(size, CONFIG)).toEqual(files);
    expect(files[CONFIG_PATH]).toBe(CONFIG);
  });

  it("refuses a size too small to hold the story", () => {
    expect(() => generateRepository(9, CONFIG)).toThrow(/at least 10 files/);
  });

  it("is a tree of sources and their tests, every import resolving to a file of it", () => {
    const files = generateRepository(1000, CONFIG);
    const paths = Object.keys(files);
    const sources = paths.filter((path) => path.startsWith("src/"));
    const tests = paths.filter((path) => path.startsWith("test/"));

    expect(sources).toHaveLength(tests.length);
    expect(new Set(sources.map((path) => path.split("/")[1])).size).toBeGreaterThan(3);
    expect(paths).toContain("README.md");
    for (const [path, text] of Object.entries(files).filter(([path]) => path.endsWith(".js"))) {
      for (const target of importsOf(path, text)) expect(paths, `${path} imports ${target}`).toContain(target);
    }
  });

  it("hides the change behind a caller the issue does not name either", () => {
    const files = generateRepository(10_000, CONFIG);
    const tree = Object.keys(files).sort();

    expect(filesThatMatter(tree, `${ISSUE.title}\n${ISSUE.body}`)).toEqual(["README.md", "package.json"]);
    expect(importsOf(STORY.caller, files[STORY.caller] ?? "")).toEqual([STORY.target]);
    expect(files[STORY.callerTest]).toContain(STORY.expectedTotal);
    expect(files[STORY.target]?.split(STORY.bug)).toHaveLength(2);
    const callers = Object.entries(files).filter(([, text]) => text.includes(`${STORY.targetFunction}(`));
    expect(callers.map(([path]) => path).sort()).toEqual([STORY.caller, STORY.target, STORY.targetTest].sort());
  });

  it("puts the story past today's 400-path tree from 1,000 files on, and within it at 100", () => {
    const shown = (size: number): string => formatTree(Object.keys(generateRepository(size, CONFIG)).sort());

    expect(shown(100)).toContain(STORY.target);
    for (const size of [1000, 10_000]) {
      expect(shown(size)).not.toContain(STORY.target);
      expect(shown(size)).not.toContain(STORY.caller);
    }
  });
});
