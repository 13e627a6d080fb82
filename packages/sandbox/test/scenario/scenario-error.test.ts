import { describe, expect, it } from "vitest";
import { describeProblem, formatPath, ScenarioError } from "../../src/scenario/index.ts";

describe("formatPath", () => {
  it("writes indexes in brackets and plain keys with dots", () => {
    expect(formatPath(["repository", "ci", 0, "run"])).toBe("repository.ci[0].run");
  });

  it("quotes keys that are not plain names", () => {
    expect(formatPath(["repository", "files", "src/add.js"])).toBe('repository.files["src/add.js"]');
  });
});

describe("ScenarioError", () => {
  it("lists every problem in its message, with lines where known", () => {
    const error = new ScenarioError("demo.yml", [
      { path: ["name"], message: "required" },
      { path: ["steps", 3, "as"], message: 'unknown actor "z"', line: 12, column: 9 },
      { path: [], message: "YAML syntax error: bad", line: 2, column: 5 },
    ]);

    expect(error.message).toBe(
      [
        "demo.yml: 3 problems",
        "  - name: required",
        '  - steps[3].as: unknown actor "z" (line 12)',
        "  - line 2, column 5: YAML syntax error: bad",
      ].join("\n"),
    );
  });

  it("describes a problem without a path or line by its message alone", () => {
    expect(describeProblem({ path: [], message: "expected a YAML mapping" })).toBe("expected a YAML mapping");
  });
});
