import { describe, expect, it } from "vitest";
import { branchRefName, isValidRefFormat, qualifyRefName } from "../../src/github/git/ref-names.ts";
import { refCandidates } from "../../src/github/git/resolve.ts";

describe("ref names", () => {
  it("qualifies GitHub-style names and keeps qualified ones", () => {
    expect(qualifyRefName("heads/main")).toBe("refs/heads/main");
    expect(qualifyRefName("refs/tags/v1.0")).toBe("refs/tags/v1.0");
    expect(qualifyRefName("heads/foreman/1/a")).toBe("refs/heads/foreman/1/a");
  });

  it.each([
    "main",
    "refs/main",
    "heads/a..b",
    "heads/a.lock",
    "heads/.hidden",
    "heads/a b",
    "heads/a~1",
    "heads/a^",
    "heads/a:b",
    "heads/a*",
    "heads/a[",
    "heads/a\\b",
    "heads/a@{1}",
    "heads/a//b",
    "heads/a/",
    "heads/a.",
  ])("refuses %j", (name) => {
    expect(qualifyRefName(name)).toBeNull();
  });

  it("accepts names git accepts, including unicode and @ on its own inside a path", () => {
    expect(isValidRefFormat("refs/heads/fix/ünïcode")).toBe(true);
    expect(isValidRefFormat("refs/heads/a@b")).toBe(true);
    expect(isValidRefFormat("@")).toBe(false);
  });

  it("turns branch names into heads refs and refuses option-like names", () => {
    expect(branchRefName("main")).toBe("refs/heads/main");
    expect(branchRefName("refs/heads/x/y")).toBe("refs/heads/x/y");
    expect(branchRefName("-rf")).toBeNull();
  });

  it("tries the qualified ref, then branches, then tags when resolving a name", () => {
    expect(refCandidates("main")).toEqual(["refs/heads/main", "refs/tags/main"]);
    expect(refCandidates("heads/x")).toEqual(["refs/heads/x", "refs/heads/heads/x", "refs/tags/heads/x"]);
    expect(refCandidates("refs/pull/1/head")).toEqual(["refs/pull/1/head"]);
    expect(refCandidates("bad name")).toEqual([]);
  });
});
