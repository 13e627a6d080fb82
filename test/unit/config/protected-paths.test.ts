import { describe, expect, it } from "vitest";
import { parseRepoConfig } from "../../../src/config/parse-repo-config.ts";
import { parseRepoConfigYaml } from "../../../src/config/parse-repo-config-yaml.ts";

describe("protectedPaths in the configuration", () => {
  it("accepts globs with braces, classes, dot folders and extglobs", () => {
    const protectedPaths = ["infra/**", "**/*.{yml,yaml}", "config/[ab].json", ".github/**", "+(a|b).md"];

    const result = parseRepoConfig({ protectedPaths });

    expect(result.ok && result.config.protectedPaths).toEqual(protectedPaths);
  });

  it.each([
    ["[abc", 'is not a valid glob: "[" has no closing "]" (write \\[ to match "[" itself), got "[abc"'],
    ["**/*.{yml,yaml", 'is not a valid glob: "{" has no closing "}" (write \\{ to match "{" itself), got "**/*.{yml,yaml"'],
    ["/etc/passwd", 'is absolute: write the path from the repository root, without the leading /, got "/etc/passwd"'],
    ["../shared/**", 'leaves the repository with .., got "../shared/**"'],
    ["infra/", 'ends with /: write "infra/**" for everything under the folder, got "infra/"'],
    ["infra\\secrets", 'contains a backslash: separate folders with /, got "infra\\\\secrets"'],
  ])("reports the pattern %s as a problem at its path", (glob, message) => {
    const result = parseRepoConfig({ protectedPaths: ["infra/**", "*.lock", glob] });

    expect(result).toEqual({ ok: false, problems: [{ path: "protectedPaths[2]", message }] });
  });

  it("reports every bad pattern at once, beside the other problems", () => {
    const result = parseRepoConfig({ maxParallelTasks: 0, protectedPaths: ["[abc", "ok/**", "/abs", ""] });

    expect(result).toEqual({
      ok: false,
      problems: [
        { path: "maxParallelTasks", message: "must be at least 1, got 0" },
        { path: "protectedPaths[0]", message: 'is not a valid glob: "[" has no closing "]" (write \\[ to match "[" itself), got "[abc"' },
        { path: "protectedPaths[2]", message: 'is absolute: write the path from the repository root, without the leading /, got "/abs"' },
        { path: "protectedPaths[3]", message: 'must not be empty, got ""' },
      ],
    });
  });

  it("points at the line and column of a bad pattern in the YAML file", () => {
    const text = "label: ai\nprotectedPaths:\n  - infra/**\n  - 'src/[abc'\n";

    const result = parseRepoConfigYaml(text);

    expect(result).toEqual({
      ok: false,
      problems: [
        {
          path: "protectedPaths[1]",
          message: 'is not a valid glob: "[" has no closing "]" (write \\[ to match "[" itself), got "src/[abc"',
          line: 4,
          column: 5,
        },
      ],
    });
  });
});
