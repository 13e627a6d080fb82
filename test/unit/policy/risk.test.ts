import { describe, expect, it } from "vitest";
import { classifyRisk, maxRisk } from "../../../src/policy/risk.ts";

const file = (path: string, content: string | null = "x\n") => ({ path, content });

describe("classifyRisk", () => {
  it("calls a small source change low risk", () => {
    expect(classifyRisk([file("src/mean.js"), file("test/mean.test.js")], 12)).toEqual({ level: "low", reasons: [] });
  });

  it("calls a change to a dependency manifest high risk, whatever its size", () => {
    const risk = classifyRisk([file("package.json")], 1);

    expect(risk.level).toBe("high");
    expect(risk.reasons[0]).toContain("dependency manifest");
  });

  it("calls a change to a script or build file high risk", () => {
    expect(classifyRisk([file("scripts/release.sh")], 3).level).toBe("high");
    expect(classifyRisk([file("Makefile")], 3).level).toBe("high");
    expect(classifyRisk([file("services/api/Dockerfile")], 3).level).toBe("high");
  });

  it("grades by size and by deletions", () => {
    expect(classifyRisk([file("src/a.js")], 150).level).toBe("medium");
    expect(classifyRisk([file("src/a.js")], 400).level).toBe("high");
    expect(classifyRisk([file("src/a.js", null)], 5).level).toBe("medium");
  });

  it("keeps the stronger of the declared and the computed risk", () => {
    expect(maxRisk("low", "high")).toBe("high");
    expect(maxRisk("medium", "low")).toBe("medium");
  });
});
