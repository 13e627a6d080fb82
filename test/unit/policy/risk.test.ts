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

  it.each([
    "package.json",
    "web/package-lock.json",
    "npm-shrinkwrap.json",
    "yarn.lock",
    "pnpm-lock.yaml",
    "requirements-dev.txt",
    "py/pyproject.toml",
    "Pipfile",
    "Pipfile.lock",
    "poetry.lock",
    "go.mod",
    "go.sum",
    "crates/x/Cargo.toml",
    "Cargo.lock",
    "Gemfile",
    "Gemfile.lock",
    "pom.xml",
    "app/build.gradle",
    "settings.gradle.kts",
    "composer.json",
    "Makefile",
    "build.dockerfile",
    "docker-compose.prod.yml",
    "Jenkinsfile",
    ".gitlab-ci.yml",
    "ci/deploy.sh",
    "scripts/release.js",
    "bin/run",
    ".husky/pre-commit",
    ".pre-commit-config.yaml",
    "setup.py",
    "tests/conftest.py",
    "webpack.config.js",
    "web/vite.config.ts",
    "rollup.config.mjs",
    "babel.config.json",
  ])("calls a change to %s high risk", (path) => {
    expect(classifyRisk([file(path)], 1).level).toBe("high");
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
