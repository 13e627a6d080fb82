import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { crawl, readListing, scopePattern, type Listing } from "../../../../bench/context/crawl.ts";
import { readPattern } from "../../../../src/adapters/workspace/path-pattern.ts";
import { listResult, resultText } from "../../../../src/agents/tools/results.ts";

/** `list_files` as the workspace answers it (sorted, cut at `cap`), read back from the tool's text as the crawl reads it. */
function lister(paths: readonly string[], cap: number): { list: (pattern: string) => Promise<Listing>; patterns: string[] } {
  const sorted = [...paths].sort();
  const patterns: string[] = [];
  const list = (pattern: string): Promise<Listing> => {
    patterns.push(pattern);
    const reading = readPattern(pattern === "" ? undefined : pattern);
    if ("problem" in reading) throw new Error(`${pattern}: ${reading.problem}`);
    const matching = sorted.filter(reading.matcher);
    return Promise.resolve(readListing(resultText(listResult(pattern, matching.slice(0, cap), matching.length > cap))));
  };
  return { list, patterns };
}

const AWKWARD = [
  "README.md",
  ".github/foreman.yml",
  "a b/c d.txt",
  "a-b/[x].js",
  "a-b/{y}.js",
  "a-b/!z.js",
  "c,d/e^f.md",
  "c,d/e.md",
  "c,d/e.mdx",
  'q"uote/x',
  "pipe|x/y",
  "src/a.ts",
  "src/a.ts.map",
  "src/a/b.ts",
  "src/a-b.ts",
  "src/a0.ts",
  "~tilde/~",
];

describe("the list_files crawl", () => {
  it("reads a listing back from the tool's text, and says when it was cut", () => {
    expect(readListing(resultText(listResult("src/", ["src/a.ts", "src/b.ts"], true)))).toEqual({
      paths: ["src/a.ts", "src/b.ts"],
      truncated: true,
    });
    expect(readListing(resultText(listResult("src/", [], false)))).toEqual({ paths: [], truncated: false });
  });

  it("lists everything once when nothing is cut", async () => {
    const { list, patterns } = lister(AWKWARD, 100);

    const result = await crawl(list);

    expect([...result.reached].sort()).toEqual([...AWKWARD].sort());
    expect(patterns).toEqual([""]);
  });

  it("reaches every path when each listing shows only two, whatever characters the paths hold", async () => {
    const { list } = lister(AWKWARD, 2);

    const result = await crawl(list);

    expect([...result.reached].sort()).toEqual([...AWKWARD].sort());
    expect(result.listCalls).toBeGreaterThan(AWKWARD.length / 2);
  });

  it("reaches every path when a bracket in its patterns also matches a folder named like it, and ends", async () => {
    // `[~]{*,*/**}` (what sorts after "}") also matches the folder `[~]`, and shows only it at a cut of one.
    const paths = ["[~]/-", "~]", "}"];
    const { list } = lister(paths, 1);

    const result = await crawl(list);

    expect([...result.reached].sort()).toEqual([...paths].sort());
  });

  it("reaches every path of any tree of printable paths, at any cut", async () => {
    const segment = fc.stringMatching(/^[a-c.\-_ ~!{}[\],]{1,3}$/).filter((text) => text !== "." && text !== ".." && text.trim() === text);
    const path = fc.array(segment, { minLength: 1, maxLength: 3 }).map((parts) => parts.join("/"));
    const tree = fc.uniqueArray(path, { minLength: 1, maxLength: 40 }).filter((paths) =>
      // git has no file that is also a folder
      paths.every((one) => !paths.some((other) => other.startsWith(`${one}/`))),
    );
    await fc.assert(
      fc.asyncProperty(tree, fc.integer({ min: 1, max: 6 }), async (paths, cap) => {
        const { list } = lister(paths, cap);
        const result = await crawl(list);
        expect([...result.reached].sort()).toEqual([...paths].sort());
      }),
      { numRuns: 150 },
    );
  });

  it("writes a scope as a glob that matches exactly the paths it stands for", () => {
    const pattern = scopePattern({ prefix: "a-b/", after: "[" });
    const reading = readPattern(pattern ?? "");
    if ("problem" in reading) throw new Error(reading.problem);

    expect(AWKWARD.filter(reading.matcher)).toEqual(["a-b/{y}.js"]);
    expect(scopePattern({ prefix: "x", after: "~" })).toBeNull();
    expect(scopePattern({ prefix: "" })).toBe("");
  });
});
