import { describe, expect, it } from "vitest";
import { errorLines, failureSignature, normalizeErrorLine } from "../../../src/qa/failure-signature.ts";

function nodeTestLog(options: { stamp: string; tmp: string; ms: string; actual: string; test?: string }): string {
  return [
    `${options.stamp} ##[group]Run node --test`,
    `${options.stamp} ✖ ${options.test ?? "adds"} (${options.ms}ms)`,
    `${options.stamp}   AssertionError [ERR_ASSERTION]: Expected values to be strictly equal: ${options.actual} !== 3`,
    `${options.stamp}       at TestContext.<anonymous> (file://${options.tmp}/repo/add.test.js:1:${options.ms.length + 90})`,
    `${options.stamp} ℹ duration_ms ${options.ms}`,
    `${options.stamp} ##[error]Process completed with exit code 1.`,
  ].join("\n");
}

describe("failureSignature", () => {
  it("gives the same failure the same signature despite other timestamps, durations, temp paths and columns", () => {
    const first = nodeTestLog({ stamp: "2024-01-01T00:00:00.0000000Z", tmp: "/tmp/ci-a1b2c3", ms: "1.25", actual: "-1" });
    const second = nodeTestLog({ stamp: "2024-06-30T12:34:56.7654321Z", tmp: "/tmp/ci-zz9y8x", ms: "17.5", actual: "-1" });

    expect(failureSignature(second)).toBe(failureSignature(first));
  });

  it("gives another failing test another signature", () => {
    const adds = nodeTestLog({ stamp: "2024-01-01T00:00:00.0000000Z", tmp: "/tmp/a", ms: "1", actual: "-1" });
    const subtracts = nodeTestLog({ stamp: "2024-01-01T00:00:00.0000000Z", tmp: "/tmp/a", ms: "1", actual: "-1", test: "subtracts" });

    expect(failureSignature(subtracts)).not.toBe(failureSignature(adds));
  });

  it("gives another assertion message another signature", () => {
    const equal = "AssertionError: Expected values to be strictly equal";
    const deep = "AssertionError: Expected values to be strictly deep-equal";

    expect(failureSignature(deep)).not.toBe(failureSignature(equal));
  });

  it("ignores the order and repetition of error lines", () => {
    expect(failureSignature("Error: a\nError: b\nError: a")).toBe(failureSignature("Error: b\nError: a"));
  });

  it("is a 16-character hex string", () => {
    expect(failureSignature("Error: boom")).toMatch(/^[0-9a-f]{16}$/);
  });

  it("falls back on the last lines of a log with no error-looking line", () => {
    expect(failureSignature("setup\nthe build stopped")).not.toBe(failureSignature("setup\nthe runner went away"));
  });

  it("ignores commit and run ids in the error lines", () => {
    expect(failureSignature("Error: build 3f786850e387 failed for run 17")).toBe(
      failureSignature("Error: build 9ab0cd1234ef failed for run 18"),
    );
  });
});

describe("normalizeErrorLine", () => {
  it("lower-cases and strips times, durations, ids, temp paths, line:col and numbers", () => {
    const line =
      "2024-01-01T10:00:00Z FAIL /tmp/ci-9x/repo/add.test.js:12:5 (1.2s) run 4f3a2b1c0d after 45ms id 123e4567-e89b-12d3-a456-426614174000";

    expect(normalizeErrorLine(line)).toBe("fail <tmp>/add.test.js:# run <id> after id <id>");
  });
});

describe("errorLines", () => {
  it("returns the cleaned, trimmed error lines in order", () => {
    const log =
      "2024-01-01T00:00:00.0000000Z compiling\n2024-01-01T00:00:00.0000000Z \u001b[31m  Error: boom\u001b[0m\nall good\nnot ok 1 - adds";

    expect(errorLines(log)).toEqual(["Error: boom", "not ok 1 - adds"]);
  });
});
