import { describe, expect, it } from "vitest";
import { globToRegExp, matchesAny } from "../../../src/policy/glob.ts";

describe("globToRegExp", () => {
  it.each([
    ["*.lock", "yarn.lock", true],
    ["*.lock", "deep/yarn.lock", false],
    ["src/*.ts", "src/a.ts", true],
    ["src/*.ts", "src/lib/a.ts", false],
    ["infra/**", "infra/main.tf", true],
    ["infra/**", "infra/modules/net/main.tf", true],
    ["infra/**", "infrastructure/main.tf", false],
    ["**/*.pem", "key.pem", true],
    ["**/*.pem", "certs/prod/key.pem", true],
    ["a/**/b.txt", "a/b.txt", true],
    ["a/**/b.txt", "a/x/y/b.txt", true],
    ["a/**/b.txt", "ab.txt", false],
    ["file?.md", "file1.md", true],
    ["file?.md", "file10.md", false],
    ["file?.md", "file/.md", false],
    ["CODEOWNERS", "docs/CODEOWNERS", false],
  ])("%s against %s is %s", (glob, path, expected) => {
    expect(globToRegExp(glob).test(path)).toBe(expected);
  });

  it.each([
    ["a.b", "axb"],
    ["(x)+", "xx"],
    ["[ab].md", "a.md"],
    ["$HOME", "HOME"],
    ["a|b", "a"],
  ])("treats regular expression characters in %s literally", (glob, other) => {
    expect(globToRegExp(glob).test(glob)).toBe(true);
    expect(globToRegExp(glob).test(other)).toBe(false);
  });

  it("anchors the match at both ends", () => {
    expect(globToRegExp("src/a.ts").test("x/src/a.ts.bak")).toBe(false);
  });
});

describe("matchesAny", () => {
  it("returns the first glob that matches, or null", () => {
    expect(matchesAny("infra/main.tf", ["*.md", "infra/**", "**/*.tf"])).toBe("infra/**");
    expect(matchesAny("src/a.ts", ["*.md", "infra/**"])).toBeNull();
  });
});
