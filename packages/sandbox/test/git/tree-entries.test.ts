import { describe, expect, it } from "vitest";
import { GitTreeError } from "../../src/github/git/errors.ts";
import { applyTreeOperations, indexInfoRecords, parseTreeEntry, type IndexState } from "../../src/github/git/tree-entries.ts";

const A = "a".repeat(40);
const B = "b".repeat(40);
const C = "c".repeat(40);

function state(entries: Record<string, string>): IndexState {
  return new Map(Object.entries(entries).map(([path, sha]) => [path, { mode: "100644", sha }]));
}

describe("tree entry operations", () => {
  it("parses GitHub tree entries into put, inline, subtree and delete operations", () => {
    expect(parseTreeEntry({ path: "a", mode: "100644", type: "blob", sha: A.toUpperCase() })).toEqual({
      kind: "put",
      path: "a",
      mode: "100644",
      sha: A,
    });
    expect(parseTreeEntry({ path: "a", mode: "100755", type: "blob", content: "x" })).toEqual({
      kind: "inline",
      path: "a",
      mode: "100755",
      content: "x",
    });
    expect(parseTreeEntry({ path: "d", mode: "040000", type: "tree", sha: B })).toEqual({ kind: "subtree", path: "d", sha: B });
    expect(parseTreeEntry({ path: "a", mode: "100644", type: "blob", sha: null })).toEqual({ kind: "delete", path: "a" });
    expect(parseTreeEntry({ path: "m", mode: "160000", type: "commit", sha: C })).toEqual({
      kind: "put",
      path: "m",
      mode: "160000",
      sha: C,
    });
  });

  it("refuses inline content for a tree entry", () => {
    expect(() => parseTreeEntry({ path: "d", mode: "040000", type: "tree", content: "x" })).toThrow(GitTreeError);
  });

  it("replaces a directory with a file and a file with a directory", () => {
    const base = state({ "dir/a": A, "dir/b": A, file: A });

    const result = applyTreeOperations(
      base,
      [
        { kind: "put", path: "dir", mode: "100644", sha: B },
        { kind: "put", path: "file/inner", mode: "100644", sha: C },
      ],
      new Map(),
    );

    expect([...result]).toEqual([
      ["dir", { mode: "100644", sha: B }],
      ["file/inner", { mode: "100644", sha: C }],
    ]);
  });

  it("does not let a deleted prefix match a sibling with a longer name", () => {
    const base = state({ "lib/a": A, "library/b": A });

    expect(() => applyTreeOperations(base, [{ kind: "delete", path: "lib/b" }], new Map())).toThrow(GitTreeError);
    expect([...applyTreeOperations(base, [{ kind: "delete", path: "lib" }], new Map()).keys()]).toEqual(["library/b"]);
  });

  it("emits removals before additions and skips unchanged entries", () => {
    const base = state({ keep: A, change: A, drop: A });
    const target = state({ keep: A, change: B, add: C });

    const records = indexInfoRecords(base, target);

    expect(records.split("\0")).toEqual([`0 ${"0".repeat(40)}\tdrop`, `100644 ${B}\tchange`, `100644 ${C}\tadd`, ""]);
  });
});
