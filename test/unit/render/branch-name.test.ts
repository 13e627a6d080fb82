import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatTaskBranch, parseTaskBranch } from "../../../src/render/branch-name.ts";
import { InvalidTaskReferenceError } from "../../../src/render/errors.ts";

describe("task branch names", () => {
  it("formats foreman/<issue>/<task-id>", () => {
    expect(formatTaskBranch(12, "add-parser")).toBe("foreman/12/add-parser");
  });

  it("parses a branch name with or without refs/heads/", () => {
    expect(parseTaskBranch("foreman/12/add-parser")).toEqual({ issue: 12, taskId: "add-parser" });
    expect(parseTaskBranch("refs/heads/foreman/7/a")).toEqual({ issue: 7, taskId: "a" });
  });

  it.each([
    "main",
    "foreman/12",
    "foreman/0/a",
    "foreman/012/a",
    "foreman/12/A",
    "foreman/12/a/b",
    "x/foreman/12/a",
    "foreman/99999999999999999/a",
  ])("returns null for %j", (name) => {
    expect(parseTaskBranch(name)).toBeNull();
  });

  it("refuses to format what it could not parse back", () => {
    expect(() => formatTaskBranch(0, "a")).toThrow(InvalidTaskReferenceError);
    expect(() => formatTaskBranch(1.5, "a")).toThrow(InvalidTaskReferenceError);
    expect(() => formatTaskBranch(3, "Bad id")).toThrow(InvalidTaskReferenceError);
  });

  it("round-trips every valid issue and task id", () => {
    const taskId = fc.stringMatching(/^[a-z][a-z0-9-]{0,30}$/);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), taskId, (issue, id) => {
        expect(parseTaskBranch(formatTaskBranch(issue, id))).toEqual({ issue, taskId: id });
      }),
    );
  });
});
