import { describe, expect, it } from "vitest";
import { EditSession } from "../../../../src/agents/tools/edit-session.ts";
import { readTools } from "../../../../src/agents/tools/read-tools.ts";
import { resultText } from "../../../../src/agents/tools/results.ts";
import type { Tool } from "../../../../src/agents/tools/tool.ts";
import { writeTools } from "../../../../src/agents/tools/write-tools.ts";
import { WorkspaceError } from "../../../../src/ports/workspace.ts";
import { MemoryRevision } from "./memory-revision.ts";

const FILES = {
  "src/mean.js": "export const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;\n",
  "src/report.js": 'import { mean } from "./mean.js";\n\nexport const report = (xs) => `mean ${mean(xs)}`;\n',
  "src/old.js": "export const old = 1;\n",
  "infra/main.tf": "resource {}\n",
};

function session(maxChangedLines = 400): { session: EditSession; call: (name: string, args: unknown) => Promise<string> } {
  const revision = new MemoryRevision(FILES);
  const edits = new EditSession(revision, {
    taskFiles: ["src/mean.js", "src/old.js", "src/median.js", "infra/main.tf", ".env"],
    protectedPaths: ["infra/**"],
    maxChangedLines,
  });
  const tools: Tool[] = [...readTools({ revision: edits.overlay, seen: new Set() }), ...writeTools(edits)];
  return {
    session: edits,
    call: async (name, args) => {
      const tool = tools.find((candidate) => candidate.spec.name === name);
      if (!tool) throw new Error(`no tool ${name}`);
      return resultText(await tool.run(args));
    },
  };
}

describe("the write tools", () => {
  it("apply an edit to the overlay, so that later reads and searches show it, and keep it as an edit", async () => {
    const { session: edits, call } = session();

    const done = await call("edit", {
      path: "src/mean.js",
      replacements: [{ search: "/ xs.length", replace: "/ Math.max(xs.length, 1)" }],
    });

    expect(done).toBe("Edited `src/mean.js`: 1 replacement applied; it now has 1 lines.");
    expect(await call("read_file", { path: "src/mean.js" })).toContain("Math.max(xs.length, 1)");
    expect(await call("search", { regex: "Math\\.max" })).toContain("src/mean.js:1:");
    expect(edits.edits).toEqual([
      { path: "src/mean.js", action: "modify", replacements: [{ search: "/ xs.length", replace: "/ Math.max(xs.length, 1)" }] },
    ]);
  });

  it("create a file that lists and reads, then edit it; delete one that then reads as missing", async () => {
    const { session: edits, call } = session();

    expect(await call("create", { path: "src/median.js", content: "export const median = () => 0;\n" })).toBe(
      "Wrote `src/median.js` (1 lines).",
    );
    await call("edit", { path: "src/median.js", replacements: [{ search: "() => 0", replace: "(xs) => xs[0]" }] });
    expect(await call("delete", { path: "src/old.js" })).toBe("Deleted `src/old.js`.");

    expect(await call("list_files", { pattern: "src" })).toMatch(/src\/mean\.js\nsrc\/median\.js\nsrc\/report\.js/);
    expect(await call("read_file", { path: "src/old.js" })).toContain("Error: there is no file");
    const outcome = await edits.check([]);
    expect(outcome.ok && outcome.changes).toEqual([
      { path: "src/median.js", content: "export const median = (xs) => xs[0];\n" },
      { path: "src/old.js", content: null },
    ]);
  });

  it.each([
    [
      "a file the task does not list",
      "edit",
      { path: "src/report.js", replacements: [{ search: "mean", replace: "avg" }] },
      "is not one of the task's files",
    ],
    ["a protected path", "create", { path: "infra/main.tf", content: "x\n" }, "is protected (matches `infra/**`)"],
    ["a secret", "create", { path: "src/median.js", content: `const t = "ghp_${"a1B2".repeat(9)}";\n` }, "looks like a GitHub token"],
    [
      "a search text that is not there",
      "edit",
      { path: "src/mean.js", replacements: [{ search: "nope", replace: "x" }] },
      "matches 0 times",
    ],
    ["malformed arguments", "edit", { path: "src/mean.js", search: "x" }, "edit was called with bad arguments: replacements:"],
  ])("refuse %s with an error, changing nothing", async (_what, name, args, error) => {
    const { session: edits, call } = session();

    const text = await call(name, args);

    expect(text).toMatch(/^Error: /);
    expect(text).toContain(error);
    expect(edits.edits).toEqual([]);
    expect(await call("read_file", { path: "src/mean.js" })).toContain("/ xs.length");
  });

  it("count changed lines over every edit, so the cap holds for the whole change", async () => {
    const { session: edits, call } = session(3);

    await call("create", { path: "src/median.js", content: "a\nb\n" });
    const text = await call("create", { path: "src/old.js", content: "c\nd\n" });

    expect(text).toContain("the edits change 5 lines; at most 3 are allowed per task");
    expect(edits.edits).toHaveLength(1);
  });
});

describe("an edit whose file cannot be read", () => {
  it("is refused with the reason and may be tried again", async () => {
    const revision = new MemoryRevision(FILES);
    let failures = 1;
    const flaky: typeof revision.readFile = (path, range) => {
      if (failures-- > 0) return Promise.reject(new WorkspaceError("timeout", "read_file", "acme/shop", "slow"));
      return revision.readFile(path, range);
    };
    const edits = new EditSession(
      {
        sha: revision.sha,
        readFile: flaky,
        listFiles: (...args) => revision.listFiles(...args),
        search: (...args) => revision.search(...args),
        paths: () => revision.paths(),
      },
      { taskFiles: ["src/mean.js"], protectedPaths: [], maxChangedLines: 400 },
    );
    const edit = { path: "src/mean.js", action: "delete" as const };

    expect(await edits.apply(edit)).toEqual(["`src/mean.js` could not be read (timeout); try the edit again"]);
    expect(await edits.apply(edit)).toEqual([]);
  });
});
