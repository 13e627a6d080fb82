import { describe, expect, it } from "vitest";
import { isPassingConclusion } from "../../../src/domain/ci.ts";

describe("isPassingConclusion", () => {
  it.each([
    ["success", true],
    ["neutral", true],
    ["skipped", true],
    ["failure", false],
    ["cancelled", false],
    ["timed_out", false],
    ["action_required", false],
    ["stale", false],
    ["startup_failure", false],
    ["SUCCESS", false],
    ["", false],
    [null, false],
    [undefined, false],
  ])("%j passes: %s", (conclusion, expected) => {
    expect(isPassingConclusion(conclusion)).toBe(expected);
  });
});
