import { describe, expect, it } from "vitest";
import { parseRepoConfigYaml } from "../../../src/config/parse-repo-config-yaml.ts";

describe("parseRepoConfigYaml", () => {
  it.each(["", "\n", "# only a comment\n"])("gives the defaults for an empty file %j", (text) => {
    const result = parseRepoConfigYaml(text);

    expect(result.ok && result.config.label).toBe("foreman");
  });

  it("reads `models:` with every key under it commented out as no models, so each role takes the installation's default", () => {
    const result = parseRepoConfigYaml("models:\n  # default: gpt-4o-mini\n  # coder: gpt-4o\n");

    expect(result.ok && result.config.models).toEqual({});
  });

  it("reads a YAML file", () => {
    const text = "label: ai\nmerge:\n  method: rebase\nprotectedPaths:\n  - infra/**\n";

    const result = parseRepoConfigYaml(text);

    expect(result.ok && [result.config.label, result.config.merge.method, result.config.protectedPaths]).toEqual([
      "ai",
      "rebase",
      ["infra/**"],
    ]);
  });

  it("reports a syntax error with its line and column", () => {
    const result = parseRepoConfigYaml("label: ai\nmerge:\n  method: [squash\n");

    expect(result.ok).toBe(false);
    expect(result.ok === false && result.problems[0]).toMatchObject({ path: "", line: 4, column: 1 });
    expect(result.ok === false && result.problems[0]?.message).toMatch(/^YAML syntax error at line 4, column 1: /);
  });

  it("reports a duplicate key as a syntax error", () => {
    const result = parseRepoConfigYaml("label: a\nlabel: b\n");

    expect(result.ok === false && result.problems).toMatchObject([{ path: "", line: 2, column: 1 }]);
  });

  it("asks for one YAML document when there are several", () => {
    const result = parseRepoConfigYaml("label: a\n---\nlabel: b\n");

    expect(result.ok === false && result.problems).toEqual([
      {
        path: "",
        message: "YAML syntax error at line 2, column 1: the file holds more than one YAML document (---); keep one",
        line: 2,
        column: 1,
      },
    ]);
  });

  it("gives each schema problem the line and column of its key", () => {
    const text = "label: ai\nlimits:\n  tasksPerPlan: 25\nprotectedPaths:\n  - ok\n  - ''\nlables: x\n";

    const result = parseRepoConfigYaml(text);

    expect(result.ok === false && result.problems).toEqual([
      { path: "protectedPaths[1]", message: 'must not be empty, got ""', line: 6, column: 5 },
      { path: "limits.tasksPerPlan", message: "must be at most 20, got 25", line: 3, column: 3 },
      { path: "lables", message: 'unknown key "lables"; did you mean "label"?', line: 7, column: 1 },
    ]);
  });

  it("reads yes as text, as YAML 1.2 does, and says so", () => {
    const result = parseRepoConfigYaml("merge:\n  closeIssue: yes\n");

    expect(result.ok === false && result.problems).toEqual([
      { path: "merge.closeIssue", message: 'must be true or false, got "yes"', line: 2, column: 3 },
    ]);
  });
});
