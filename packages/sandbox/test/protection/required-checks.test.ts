import { describe, expect, it } from "vitest";
import { requiredChecksMessage, type RequiredCheck } from "../../src/github/protection/required-checks.ts";

const check = (context: string, state: RequiredCheck["state"]): RequiredCheck => ({ context, state });

describe("GitHub's sentence for required checks", () => {
  it("says nothing when every required check succeeded", () => {
    expect(requiredChecksMessage([check("test", "success")])).toBeNull();
    expect(requiredChecksMessage([])).toBeNull();
  });

  it("names the one check that has not succeeded", () => {
    expect(requiredChecksMessage([check("test", "expected"), check("lint", "success")])).toBe('Required status check "test" is expected.');
    expect(requiredChecksMessage([check("test", "pending")])).toBe('Required status check "test" is in progress.');
    expect(requiredChecksMessage([check("test", "failure")])).toBe('Required status check "test" is failing.');
  });

  it("counts several checks in the same state", () => {
    const checks = [check("test", "expected"), check("lint", "expected"), check("build", "success")];

    expect(requiredChecksMessage(checks)).toBe("2 of 3 required status checks are expected.");
  });

  it("counts expected and failing ones when they differ, leaving those in progress out", () => {
    const checks = [check("a", "expected"), check("b", "failure"), check("c", "pending"), check("d", "success")];

    expect(requiredChecksMessage(checks)).toBe("3 of 4 required status checks have not succeeded: 1 expected and 1 failing.");
  });
});
