import { describe, expect, it } from "vitest";
import { cleanLog, trimLog } from "../../../src/qa/trim-log.ts";

/** `count` numbered filler lines: `step <from>` … */
function filler(count: number, from = 1): string[] {
  return Array.from({ length: count }, (_unused, index) => `step ${from + index} ok`);
}

describe("cleanLog", () => {
  it("strips GitHub's leading timestamps and ANSI colour codes", () => {
    const raw = "2024-01-01T00:00:00.0000000Z \u001b[31mError: boom\u001b[0m\n2024-01-01T00:00:01.1234567Z next";

    expect(cleanLog(raw)).toBe("Error: boom\nnext");
  });

  it("keeps the last redraw of a carriage-return progress line and normalises CRLF", () => {
    expect(cleanLog("10%\r50%\r100%\r\ndone")).toBe("100%\ndone");
  });

  it("leaves a timestamp in the middle of a line alone", () => {
    expect(cleanLog("built at 2024-01-01T00:00:00Z")).toBe("built at 2024-01-01T00:00:00Z");
  });
});

describe("trimLog", () => {
  it("returns a log that fits the budget unchanged", () => {
    const log = filler(5).join("\n");

    expect(trimLog(log, 1_000)).toBe(log);
  });

  it("keeps the error region with its context, not the head, and marks what it left out", () => {
    const log = [...filler(100), "AssertionError: expected 3, got -1", ...filler(100, 101)].join("\n");

    const trimmed = trimLog(log, 500, { before: 2, after: 2 });

    expect(trimmed.split("\n")).toEqual([
      "… (98 lines omitted) …",
      "step 99 ok",
      "step 100 ok",
      "AssertionError: expected 3, got -1",
      "step 101 ok",
      "step 102 ok",
      "… (98 lines omitted) …",
    ]);
  });

  it("merges the windows of error lines that are close together", () => {
    const log = [...filler(50), "Error: first", "step x", "    at run (src/a.js:3:7)", ...filler(50, 51)].join("\n");

    const trimmed = trimLog(log, 400, { before: 1, after: 1 });

    expect(trimmed.split("\n")).toEqual([
      "… (49 lines omitted) …",
      "step 50 ok",
      "Error: first",
      "step x",
      "    at run (src/a.js:3:7)",
      "step 51 ok",
      "… (49 lines omitted) …",
    ]);
  });

  it("prefers the last and the first error regions when the middle ones do not fit", () => {
    const regions = ["not ok 1 - first", "not ok 2 - second", "not ok 3 - third", "# fail 3"];
    const log = regions.flatMap((line, index) => [...filler(40, index * 40), line]).join("\n");

    const trimmed = trimLog(log, 120, { before: 0, after: 0 });

    expect(trimmed).toContain("not ok 1 - first");
    expect(trimmed).toContain("# fail 3");
    expect(trimmed).not.toContain("second");
    expect(trimmed.length).toBeLessThanOrEqual(120);
  });

  it("keeps the tail of a log without an error-looking line", () => {
    const log = filler(200).join("\n");

    const trimmed = trimLog(log, 100);

    expect(trimmed.split("\n")[0]).toMatch(/^… \(\d+ lines omitted\) …$/);
    expect(trimmed.endsWith("step 200 ok")).toBe(true);
    expect(trimmed.length).toBeLessThanOrEqual(100);
  });

  it("keeps the head and the tail of one error region too large for the budget", () => {
    const frames = Array.from({ length: 300 }, (_unused, index) => `    at frame${index} (src/a.js:${index + 1}:1)`);
    const log = ["TypeError: x is not a function", ...frames].join("\n");

    const trimmed = trimLog(log, 600, { before: 0, after: 0 });

    expect(trimmed.startsWith("TypeError: x is not a function")).toBe(true);
    expect(trimmed.endsWith("at frame299 (src/a.js:300:1)")).toBe(true);
    expect(trimmed).toMatch(/… \(\d+ lines omitted\) …/);
    expect(trimmed.length).toBeLessThanOrEqual(600);
  });

  it.each([
    ["npm ERR! code ELIFECYCLE"],
    ["FAIL src/add.test.ts"],
    ["not ok 1 - adds"],
    ["✖ adds (1.2ms)"],
    ["Process completed with exit code 1."],
    ["src/add.ts(3,5): error TS2322: Type 'string' is not assignable"],
    ["src/add.js:3:7"],
    ["Tests: 1 failed, 2 passed"],
  ])("treats %j as an error line", (line) => {
    const log = [...filler(100), line, ...filler(100, 101)].join("\n");

    expect(trimLog(log, 300, { before: 0, after: 0 })).toContain(line);
  });
});

describe("trimLog on very long lines", () => {
  it("cuts a very long error line so that it cannot fill the budget alone", () => {
    const log = [...filler(50), `Error: ${"x".repeat(10_000)}`, ...filler(50, 51)].join("\n");

    const trimmed = trimLog(log, 3_000, { before: 1, after: 1 });

    expect(trimmed).toMatch(/Error: x+ … \(8007 characters cut\)/);
    expect(trimmed).toContain("step 50 ok");
    expect(trimmed.length).toBeLessThanOrEqual(3_000);
  });
});
