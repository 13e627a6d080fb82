import { describe, expect, it } from "vitest";
import { compileGlob, InvalidGlobError, matchesAny } from "../../../src/policy/glob.ts";

function thrownBy(act: () => unknown): unknown {
  try {
    act();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("compileGlob", () => {
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
    ["src/a.ts", "x/src/a.ts.bak", false],
  ])("%s against %s is %s", (glob, path, expected) => {
    expect(compileGlob(glob)(path)).toBe(expected);
  });

  it.each([
    ["**/*.{yml,yaml}", "a/b.yml", true],
    ["**/*.{yml,yaml}", "b.yaml", true],
    ["**/*.{yml,yaml}", "a/b.json", false],
    ["src/{api,web}/**", "src/web/index.ts", true],
    ["src/{api,web}/**", "src/cli/index.ts", false],
    ["v{1..3}.txt", "v2.txt", true],
    ["v{1..3}.txt", "v4.txt", false],
    ["[ab].md", "a.md", true],
    ["[ab].md", "c.md", false],
    ["log[0-9].txt", "log7.txt", true],
    ["log[0-9].txt", "logx.txt", false],
    ["[!a].md", "b.md", true],
    ["[!a].md", "a.md", false],
    ["[^a].md", "a.md", false],
    ["+(a|b).md", "abba.md", true],
    ["@(a|b).md", "ab.md", false],
  ])("reads braces, classes and extglobs: %s against %s is %s", (glob, path, expected) => {
    expect(compileGlob(glob)(path)).toBe(expected);
  });

  it.each([
    [".github/**", ".github/workflows/ci.yml"],
    ["**/*.yml", ".github/workflows/ci.yml"],
    ["*", ".env"],
    ["**", "a/.hidden/b"],
    ["config/*", "config/.secrets"],
  ])("matches dotfiles and dot folders like other files: %s against %s", (glob, path) => {
    expect(compileGlob(glob)(path)).toBe(true);
  });

  it.each([
    ["README.md", "readme.md"],
    ["Infra/**", "infra/main.tf"],
    ["*.PEM", "key.pem"],
  ])("is case-sensitive: %s does not match %s", (glob, path) => {
    expect(compileGlob(glob)(path)).toBe(false);
  });

  it.each([
    ["a.b", "axb"],
    ["$HOME", "HOME"],
    ["a|b", "a"],
    ["a^b", "ab"],
  ])("treats regular expression characters in %s literally", (glob, other) => {
    expect(compileGlob(glob)(glob)).toBe(true);
    expect(compileGlob(glob)(other)).toBe(false);
  });

  it("matches a character a backslash escapes literally", () => {
    expect(compileGlob("notes\\*.md")("notes*.md")).toBe(true);
    expect(compileGlob("notes\\*.md")("notes1.md")).toBe(false);
  });

  it("never treats a backslash as a folder separator", () => {
    expect(compileGlob("infra\\/main.tf")("infra/main.tf")).toBe(true);
    expect(compileGlob("*.tf")("infra\\main.tf")).toBe(true);
  });

  it.each([
    ["[abc", /"\[" has no closing "\]"/],
    ["a)", /"\)" has no opening "\("/],
    ["{a,b", /"\{" has no closing "\}"/],
    ["+(a|b", /"\(" has no closing "\)"/],
    ["[z-a].md", /character class or range/],
  ])("throws InvalidGlobError for %s, which cannot be parsed", (glob, reason) => {
    const thrown = thrownBy(() => compileGlob(glob));

    expect(thrown).toBeInstanceOf(InvalidGlobError);
    expect((thrown as InvalidGlobError).glob).toBe(glob);
    expect((thrown as InvalidGlobError).reason).toMatch(reason);
  });

  it("keeps the parser's error as the cause", () => {
    const thrown = thrownBy(() => compileGlob("[abc"));

    expect(thrown).toBeInstanceOf(InvalidGlobError);
    expect((thrown as InvalidGlobError).cause).toBeInstanceOf(Error);
  });
});

describe("matchesAny", () => {
  it("returns the first glob that matches, or null", () => {
    expect(matchesAny("infra/main.tf", ["*.md", "infra/**", "**/*.tf"])).toBe("infra/**");
    expect(matchesAny("src/a.ts", ["*.md", "infra/**"])).toBeNull();
  });

  it("throws for a glob that cannot be parsed instead of skipping it", () => {
    expect(() => matchesAny("src/a.ts", ["*.md", "[abc"])).toThrow(InvalidGlobError);
  });
});
