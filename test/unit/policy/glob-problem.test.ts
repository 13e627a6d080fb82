import { describe, expect, it } from "vitest";
import { globProblem } from "../../../src/policy/glob-problem.ts";
import { BUILTIN_PROTECTED_PATHS } from "../../../src/policy/paths.ts";

describe("globProblem", () => {
  it.each([
    "infra/**",
    "*.lock",
    "**/*.{yml,yaml}",
    "config/[ab].json",
    "log[!0-9].txt",
    ".github/**",
    "src/{api,web}/**/*.ts",
    "+(a|b).md",
    "!(*.md)",
    "./infra/**",
    "notes\\*.md",
    "v{1..3}.txt",
  ])("accepts %s", (glob) => {
    expect(globProblem(glob)).toBeUndefined();
  });

  it.each(BUILTIN_PROTECTED_PATHS)("accepts the built-in protected path %s", (glob) => {
    expect(globProblem(glob)).toBeUndefined();
  });

  it.each([
    ["[abc", 'is not a valid glob: "[" has no closing "]" (write \\[ to match "[" itself)'],
    ["src/(a", 'is not a valid glob: "(" has no closing ")" (write \\( to match "(" itself)'],
    ["src/a)", 'is not a valid glob: ")" has no opening "(" (write \\) to match ")" itself)'],
    ["**/*.{yml,yaml", 'is not a valid glob: "{" has no closing "}" (write \\{ to match "{" itself)'],
    ["[z-a].md", "is not a valid glob: a character class or range in it is invalid"],
  ])("reports %s, which cannot be parsed", (glob, problem) => {
    expect(globProblem(glob)).toBe(problem);
  });

  it.each([
    ["/etc/passwd", "is absolute: write the path from the repository root, without the leading /"],
    ["C:/infra/**", "is absolute: write the path from the repository root, without the leading /"],
    ["../shared/**", "leaves the repository with .."],
    ["infra/../secrets", "leaves the repository with .."],
    ["infra/./main.tf", "has a . folder: write the path from the repository root"],
    ["infra//main.tf", "has an empty folder name (//)"],
    ["infra/", 'ends with /: write "infra/**" for everything under the folder'],
    ["infra\\secrets\\**", "contains a backslash: separate folders with /"],
    ["trailing\\", "contains a backslash: separate folders with /"],
    ["!infra/**", "starts with !: a negated pattern is not supported; list only the paths to protect"],
  ])("reports %s, which could never match a path in the repository", (glob, problem) => {
    expect(globProblem(glob)).toBe(problem);
  });
});
