import { describe, expect, it } from "vitest";
import { applyEdits, type Edit, type EditPolicy } from "../../../src/agents/apply-edits.ts";

const policy: EditPolicy = { taskFiles: ["src/add.js", "src/sub.js", "src/old.js"], protectedPaths: [], maxChangedLines: 400 };
const files: Record<string, string | null> = {
  "src/add.js": "export const add = (a, b) => a + b;\nexport const twice = (a) => add(a, a);\n",
  "src/old.js": "a\nb\nc\n",
  "src/sub.js": null,
};
const lines = (count: number): string => Array.from({ length: count }, (_, index) => `line ${index}`).join("\n") + "\n";

describe("applyEdits", () => {
  it("creates a file", () => {
    const result = applyEdits([{ path: "src/sub.js", action: "create", content: "export const sub = (a, b) => a - b;\n" }], files, policy);

    expect(result).toEqual({ ok: true, changes: [{ path: "src/sub.js", content: "export const sub = (a, b) => a - b;\n" }] });
  });

  it("modifies a file by replacing text that occurs once", () => {
    const edit: Edit = { path: "src/add.js", action: "modify", replacements: [{ search: "a + b", replace: "b + a" }] };

    const result = applyEdits([edit], files, policy);

    expect(result).toEqual({
      ok: true,
      changes: [{ path: "src/add.js", content: "export const add = (a, b) => b + a;\nexport const twice = (a) => add(a, a);\n" }],
    });
  });

  it("applies several replacements in order, each to the result of the one before", () => {
    const edit: Edit = {
      path: "src/old.js",
      action: "modify",
      replacements: [
        { search: "a\n", replace: "x\n" },
        { search: "x\nb", replace: "y\nb" },
      ],
    };

    expect(applyEdits([edit], files, policy)).toEqual({ ok: true, changes: [{ path: "src/old.js", content: "y\nb\nc\n" }] });
  });

  it("inserts the replacement literally, dollar signs included", () => {
    const edit: Edit = { path: "src/old.js", action: "modify", replacements: [{ search: "b", replace: "$&$1$$" }] };

    expect(applyEdits([edit], files, policy)).toEqual({ ok: true, changes: [{ path: "src/old.js", content: "a\n$&$1$$\nc\n" }] });
  });

  it("deletes a file", () => {
    expect(applyEdits([{ path: "src/old.js", action: "delete" }], files, policy)).toEqual({
      ok: true,
      changes: [{ path: "src/old.js", content: null }],
    });
  });

  it("applies a later edit to the result of an earlier edit of the same file", () => {
    const edits: Edit[] = [
      { path: "src/sub.js", action: "create", content: "export const sub = 0;\n" },
      { path: "src/sub.js", action: "modify", replacements: [{ search: "0", replace: "(a, b) => a - b" }] },
    ];

    expect(applyEdits(edits, files, policy)).toEqual({
      ok: true,
      changes: [{ path: "src/sub.js", content: "export const sub = (a, b) => a - b;\n" }],
    });
  });

  it("refuses a search text that does not occur", () => {
    const edit: Edit = { path: "src/add.js", action: "modify", replacements: [{ search: "a * b", replace: "a + b" }] };

    expect(applyEdits([edit], files, policy)).toEqual({
      ok: false,
      problems: ["`src/add.js` replacement 1: the search text matches 0 times; it must match exactly once"],
    });
  });

  it("refuses a search text that occurs twice", () => {
    const edit: Edit = { path: "src/add.js", action: "modify", replacements: [{ search: "export const", replace: "const" }] };

    expect(applyEdits([edit], files, policy)).toEqual({
      ok: false,
      problems: ["`src/add.js` replacement 1: the search text matches 2 times; it must match exactly once"],
    });
  });

  it("refuses to modify or delete a file that does not exist", () => {
    const edits: Edit[] = [
      { path: "src/sub.js", action: "modify", replacements: [{ search: "x", replace: "y" }] },
      { path: "src/sub.js", action: "delete" },
    ];

    expect(applyEdits(edits, files, policy)).toEqual({
      ok: false,
      problems: ["`src/sub.js` does not exist, so it cannot be modified", "`src/sub.js` does not exist, so it cannot be deleted"],
    });
  });

  it("refuses to modify a file deleted by an earlier edit", () => {
    const edits: Edit[] = [
      { path: "src/old.js", action: "delete" },
      { path: "src/old.js", action: "modify", replacements: [{ search: "a", replace: "b" }] },
    ];

    expect(applyEdits(edits, files, policy)).toEqual({ ok: false, problems: ["`src/old.js` does not exist, so it cannot be modified"] });
  });

  it("refuses a protected path even when the task names it", () => {
    const result = applyEdits([{ path: ".github/workflows/ci.yml", action: "create", content: "on: push\n" }], files, {
      ...policy,
      taskFiles: [".github/workflows/ci.yml"],
    });

    expect(result).toEqual({
      ok: false,
      problems: [
        "`.github/workflows/ci.yml` is protected (matches `.github/workflows/**`); Foreman never writes it, a human must make that change",
      ],
    });
  });

  it("refuses a path of the repository's own protectedPaths", () => {
    const result = applyEdits([{ path: "src/add.js", action: "delete" }], files, { ...policy, protectedPaths: ["src/add.*"] });

    expect(result).toEqual({
      ok: false,
      problems: ["`src/add.js` is protected (matches `src/add.*`); Foreman never writes it, a human must make that change"],
    });
  });

  it("refuses a file outside the task and a path leaving the repository, reporting both", () => {
    const edits: Edit[] = [
      { path: "src/mul.js", action: "create", content: "x\n" },
      { path: "../escape.js", action: "create", content: "x\n" },
    ];

    expect(applyEdits(edits, files, policy)).toEqual({
      ok: false,
      problems: ["`src/mul.js` is not one of the task's files", "`../escape.js`: leaves the repository with .."],
    });
  });

  it("allows changes up to the changed-lines cap", () => {
    const result = applyEdits([{ path: "src/sub.js", action: "create", content: lines(400) }], files, policy);

    expect(result.ok).toBe(true);
  });

  it("refuses changes over the changed-lines cap", () => {
    const result = applyEdits([{ path: "src/sub.js", action: "create", content: lines(401) }], files, policy);

    expect(result).toEqual({ ok: false, problems: ["the edits change 401 lines; at most 400 are allowed per task"] });
  });

  it("counts the lines of a deleted file against the cap", () => {
    const result = applyEdits([{ path: "src/old.js", action: "delete" }], files, { ...policy, maxChangedLines: 2 });

    expect(result).toEqual({ ok: false, problems: ["the edits change 3 lines; at most 2 are allowed per task"] });
  });

  it("adds up the lines of every edit against the cap", () => {
    const edits: Edit[] = [
      { path: "src/sub.js", action: "create", content: lines(3) },
      { path: "src/old.js", action: "delete" },
    ];

    expect(applyEdits(edits, files, { ...policy, maxChangedLines: 5 })).toEqual({
      ok: false,
      problems: ["the edits change 6 lines; at most 5 are allowed per task"],
    });
  });

  it("refuses an answer without edits", () => {
    expect(applyEdits([], files, policy)).toEqual({ ok: false, problems: ["there are no edits"] });
  });
});

describe("the changed-lines count", () => {
  it("counts a changed line as one removed and one added", () => {
    const edit: Edit = { path: "src/old.js", action: "modify", replacements: [{ search: "b", replace: "B" }] };

    expect(applyEdits([edit], files, { ...policy, maxChangedLines: 1 })).toEqual({
      ok: false,
      problems: ["the edits change 2 lines; at most 1 are allowed per task"],
    });
  });

  it("counts repeated lines that already exist elsewhere in the file", () => {
    const edit: Edit = { path: "src/old.js", action: "create", content: "a\nb\nc\n" + "}\n".repeat(10) };

    expect(applyEdits([edit], files, { ...policy, maxChangedLines: 5 })).toEqual({
      ok: false,
      problems: ["the edits change 10 lines; at most 5 are allowed per task"],
    });
  });

  it("refuses a search text that matches twice by overlapping", () => {
    const edit: Edit = { path: "src/old.js", action: "create", content: "ababa\n" };
    const overlapping: Edit = { path: "src/old.js", action: "modify", replacements: [{ search: "aba", replace: "x" }] };

    const result = applyEdits([edit, overlapping], files, policy);

    expect(result).toEqual({
      ok: false,
      problems: ["`src/old.js` replacement 1: the search text matches 2 times; it must match exactly once"],
    });
  });

  describe("secrets", () => {
    const token = `ghp_${"a1B2".repeat(9)}`;

    it("refuses an edit that would commit a GitHub token, and tells the coder why without quoting it", () => {
      const result = applyEdits([{ path: "src/sub.js", action: "create", content: `export const token = "${token}";\n` }], files, policy);

      expect(result).toEqual({
        ok: false,
        problems: [
          "`src/sub.js` would contain what looks like a GitHub token; Foreman never commits secrets: leave the value out and read it at run time (from an environment variable or the deployment's secret store), or use an obviously fake placeholder",
        ],
      });
      expect(JSON.stringify(result)).not.toContain(token);
    });

    it.each([
      ["an AWS access key", "AKIAQWERTYUIOPASDFGH"],
      ["a private key", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----"],
      ["a Slack token", "xoxb-1234567890-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx"],
      ["a Google API key", `AIza${"Sy0_-abcdefghijklmnopqrstuvwxyz0123"}`],
      ["a Stripe key", `sk_live_${"4eC39HqLyjWDarjtT1zdp7dc"}`],
      ["an OpenAI or Anthropic key", `sk-proj-${"Ab3_".repeat(10)}`],
    ])("refuses %s written by a replacement", (what, secret) => {
      const edit: Edit = { path: "src/add.js", action: "modify", replacements: [{ search: "a + b", replace: `a + b; // ${secret}` }] };

      const result = applyEdits([edit], files, policy);

      expect(result.ok ? [] : result.problems).toEqual([expect.stringContaining(`would contain what looks like ${what};`)]);
    });

    it("accepts an edit to a file that already held the secret, as long as it adds none", () => {
      const withToken = { ...files, "src/add.js": `const t = "${token}";\nexport const add = (a, b) => a + b;\n` };
      const edit: Edit = { path: "src/add.js", action: "modify", replacements: [{ search: "a + b", replace: "b + a" }] };

      expect(applyEdits([edit], withToken, policy)).toMatchObject({ ok: true });
    });

    it("accepts code that only looks like configuration of a secret", () => {
      const content = 'const token = process.env.GITHUB_TOKEN;\nconst password = "<your password>";\nexport const key = "sk-";\n';

      expect(applyEdits([{ path: "src/sub.js", action: "create", content }], files, policy)).toMatchObject({ ok: true });
    });
  });

  it("quotes a path with backticks in one code span", () => {
    const result = applyEdits([{ path: "q`@org/team", action: "create", content: "x\n" }], files, policy);

    expect(result).toEqual({ ok: false, problems: ["``q`@org/team`` is not one of the task's files"] });
  });
});
