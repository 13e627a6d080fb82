import { describe, expect, it } from "vitest";
import { ownerLogin, ownersOf, parseCodeOwners, patternMatcher } from "../../src/github/protection/codeowners.ts";

const matches = (pattern: string, path: string): boolean => patternMatcher(pattern)(path);

describe("CODEOWNERS patterns", () => {
  it.each([
    ["*", "README.md", true],
    ["*", "src/deep/file.js", true],
    ["*.js", "src/deep/file.js", true],
    ["*.js", "src/deep/file.ts", false],
    ["/build/logs/", "build/logs/today.log", true],
    ["/build/logs/", "other/build/logs/today.log", false],
    ["apps/", "apps/web/index.js", true],
    ["apps/", "services/apps/api.js", true],
    ["docs/*", "docs/getting-started.md", true],
    ["docs/*", "docs/build-app/troubleshooting.md", false],
    ["/docs/", "docs/build-app/troubleshooting.md", true],
    ["**/logs", "deep/down/logs/today.log", true],
    ["**/logs", "logs/today.log", true],
    ["/apps/github", "apps/github/index.js", true],
    ["/apps/github", "apps/github", true],
    ["/apps/github", "x/apps/github/index.js", false],
    ["src/**/test.js", "src/a/b/test.js", true],
    ["src/**/test.js", "src/test.js", true],
    ["src/?.js", "src/a.js", true],
    ["src/?.js", "src/ab.js", false],
  ])("%s matches %s: %s", (pattern, path, expected) => {
    expect(matches(pattern, path)).toBe(expected);
  });
});

describe("parseCodeOwners and ownersOf", () => {
  const rules = parseCodeOwners(
    [
      "# Owners of this repository",
      "",
      "*       @maya",
      "*.js    @lee @acme/frontend  # inline comment",
      "/docs/  docs@example.com",
      "/src/generated/",
    ].join("\n"),
  );

  it("lets the last matching line win, as GitHub documents", () => {
    expect(ownersOf(rules, "README.md")).toEqual(["@maya"]);
    expect(ownersOf(rules, "src/add.js")).toEqual(["@lee", "@acme/frontend"]);
    expect(ownersOf(rules, "docs/index.md")).toEqual(["docs@example.com"]);
  });

  it("leaves a path unowned when its last matching line names no one", () => {
    expect(ownersOf(rules, "src/generated/api.js")).toEqual([]);
  });

  it("tells users from teams and emails", () => {
    expect(["@maya", "@acme/frontend", "docs@example.com", "maya"].map(ownerLogin)).toEqual(["maya", null, null, null]);
  });

  it("reads an escaped # as part of the pattern", () => {
    expect(ownersOf(parseCodeOwners("\\#notes.md @maya\n"), "#notes.md")).toEqual(["@maya"]);
  });
});
