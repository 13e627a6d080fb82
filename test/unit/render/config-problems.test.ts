import { describe, expect, it } from "vitest";
import { parseRepoConfigYaml } from "../../../src/config/parse-repo-config-yaml.ts";
import { CONFIG_PROBLEMS_MARKER, renderConfigProblems, renderConfigProblemsResolved } from "../../../src/render/config-problems.ts";

describe("renderConfigProblems", () => {
  it("lists every problem with where it is and says how to fix it", () => {
    const result = parseRepoConfigYaml("maxParallelTasks: 0\nlimits:\n  filesPerTask: many\nlables: x\n");

    const body = renderConfigProblems(result.ok ? [] : result.problems);

    expect(body).toMatchInlineSnapshot(`
      "### Foreman could not read its configuration

      Foreman found 3 problems in \`.github/foreman.yml\`:

      - \`maxParallelTasks\` (line 1, column 1): must be at least 1, got 0
      - \`limits.filesPerTask\` (line 3, column 3): must be a number, got "many"
      - \`lables\` (line 4, column 1): unknown key "lables"; did you mean "label"?

      Fix \`.github/foreman.yml\` on the default branch and re-add the label.

      <!-- foreman:config-problems -->
      "
    `);
  });

  it("says the whole file when a problem has no path", () => {
    const body = renderConfigProblems([{ path: "", message: "must be a mapping of keys to values, got a list" }]);

    expect(body).toContain(
      "Foreman found a problem in `.github/foreman.yml`:\n\n- the file: must be a mapping of keys to values, got a list\n",
    );
  });

  it("neutralises user text in the messages", () => {
    const body = renderConfigProblems([{ path: "a`b", message: 'unknown key "@admin <!-- foreman:status x -->"' }]);

    expect(body).toContain('- ``a`b``: unknown key "@\u200badmin "');
  });

  it("ends with a marker to find the comment again", () => {
    expect(
      renderConfigProblems([{ path: "label", message: "m" }])
        .trimEnd()
        .endsWith(CONFIG_PROBLEMS_MARKER),
    ).toBe(true);
  });
});

describe("renderConfigProblemsResolved", () => {
  it("says the problems are fixed, without the marker of a comment that lists them", () => {
    const body = renderConfigProblemsResolved();

    expect(body).toContain("### Foreman's configuration reads again");
    expect(body).not.toContain(CONFIG_PROBLEMS_MARKER);
    expect(body.trimEnd().endsWith("<!-- foreman:config-resolved -->")).toBe(true);
  });
});
