import { describe, expect, it } from "vitest";
import { chooseEvictions } from "../../../../src/adapters/workspace/eviction.ts";
import { fileRead } from "../../../../src/adapters/workspace/file-read.ts";
import { grepArgs, parseGrep, regexProblem } from "../../../../src/adapters/workspace/grep.ts";
import { normalisePath, readPattern } from "../../../../src/adapters/workspace/path-pattern.ts";
import { parseTree } from "../../../../src/adapters/workspace/tree-index.ts";

const SHA = "a".repeat(40);
const BLOB = "b".repeat(40);

function matches(pattern: string | undefined, paths: string[]): string[] {
  const reading = readPattern(pattern);
  if ("problem" in reading) throw new Error(reading.problem);
  return paths.filter(reading.matcher);
}

describe("a file read", () => {
  const text = Buffer.from("one\ntwo\nthree\n");

  it("counts lines and cuts the range asked for, clamped to the file", () => {
    expect(fileRead(text, false, undefined)).toEqual({ content: "one\ntwo\nthree\n", totalLines: 3, binary: false, truncated: false });
    expect(fileRead(text, false, { from: 2, to: 2 }).content).toBe("two\n");
    expect(fileRead(text, false, { from: 0, to: 99 }).content).toBe("one\ntwo\nthree\n");
    expect(fileRead(text, false, { from: 3, to: 1 }).content).toBe("");
    expect(fileRead(Buffer.from("a\nb"), false, { from: 2, to: 5 })).toMatchObject({ content: "b", totalLines: 2 });
    expect(fileRead(Buffer.from(""), false, undefined).totalLines).toBe(0);
  });

  it("flags binary data and gives no content", () => {
    expect(fileRead(Buffer.from([0x89, 0x50, 0x00, 0x47]), false, undefined)).toEqual({
      content: "",
      totalLines: 0,
      binary: true,
      truncated: false,
    });
  });
});

describe("paths and patterns", () => {
  const paths = ["README.md", "docs/a.md", "src/a.ts", "src/lib/b.ts", "srcs/c.ts"];

  it("reads a folder, a file, a glob, or nothing as every file", () => {
    expect(matches("src", paths)).toEqual(["src/a.ts", "src/lib/b.ts"]);
    expect(matches("./src/", paths)).toEqual(["src/a.ts", "src/lib/b.ts"]);
    expect(matches("src/a.ts", paths)).toEqual(["src/a.ts"]);
    expect(matches("**/*.ts", paths)).toEqual(["src/a.ts", "src/lib/b.ts", "srcs/c.ts"]);
    expect(matches("*.{md,txt}", paths)).toEqual(["README.md"]);
    expect(matches(undefined, paths)).toEqual(paths);
    expect(matches(".", paths)).toEqual(paths);
  });

  it("refuses what is not a path of the repository", () => {
    expect(readPattern("../etc")).toHaveProperty("problem");
    expect(readPattern("src/[")).toHaveProperty("problem");
    expect(readPattern("/src/*.ts")).toHaveProperty("problem");
    expect(normalisePath("/etc/passwd")).toHaveProperty("problem");
    expect(normalisePath("./src//a.ts")).toEqual({ path: "src/a.ts" });
  });
});

describe("git's answers", () => {
  it("reads a tree listing, leaving out submodules", () => {
    const listing = `100644 blob ${BLOB}\tsrc/a b.ts\u0000160000 commit ${SHA}\tvendor/lib\u0000100755 blob ${BLOB}\tbin/run\u0000`;
    const tree = parseTree(listing);
    expect(tree.paths).toEqual(["bin/run", "src/a b.ts"]);
    expect(tree.files.get("bin/run")).toEqual({ oid: BLOB, mode: "100755" });
  });

  it("reads grep's matches, paths with colons included, up to the cap", () => {
    const output = `${SHA}:src/a:b.ts\u00003\u0000const x = 1;\n${SHA}:README.md\u000010\u0000x marks\n`;
    expect(parseGrep(output, SHA, 10)).toEqual({
      hits: [
        { path: "src/a:b.ts", line: 3, text: "const x = 1;" },
        { path: "README.md", line: 10, text: "x marks" },
      ],
      more: false,
    });
    expect(parseGrep(output, SHA, 1)).toMatchObject({ hits: [{ path: "src/a:b.ts" }], more: true });
    expect(parseGrep(`${SHA}:README.md\u000010\u0000cut sh`, SHA, 10)).toEqual({ hits: [], more: true });
  });

  it("gives git the expression after -e and the paths after --", () => {
    expect(grepArgs(SHA, "-rf", ["-a.ts"])).toEqual(["grep", "--no-color", "-n", "-I", "-E", "-z", "-e", "-rf", SHA, "--", "-a.ts"]);
    expect(regexProblem("")).toBeDefined();
    expect(regexProblem("a\nb")).toBeDefined();
    expect(regexProblem("add\\(")).toBeUndefined();
  });
});

describe("eviction", () => {
  const repo = (key: string, bytes: number, usedAt: number): { key: string; gitDir: string; bytes: number; usedAt: number } => ({
    key,
    gitDir: `/cache/${key}`,
    bytes,
    usedAt,
  });

  it("chooses the least recently used until the cache fits, skipping those in use", () => {
    const repos = [repo("a", 50, 3), repo("b", 50, 1), repo("c", 50, 2)];
    expect(chooseEvictions(repos, 100, () => false).map((r) => r.key)).toEqual(["b"]);
    expect(chooseEvictions(repos, 50, () => false).map((r) => r.key)).toEqual(["b", "c"]);
    expect(chooseEvictions(repos, 50, (key) => key === "b").map((r) => r.key)).toEqual(["c", "a"]);
    expect(chooseEvictions(repos, 150, () => false)).toEqual([]);
  });
});
