import { describe, expect, it } from "vitest";
import {
  chosenTitleStyle,
  conventionalDescription,
  conventionalTitle,
  detectTitleStyle,
  inferChangeType,
  isConventionalTitle,
} from "../../../src/domain/conventional-commits.ts";
import type { CommitTitle } from "../../../src/ports/github-types.ts";

const commit = (title: string, merge = false): CommitTitle => ({ title, merge });

describe("isConventionalTitle", () => {
  it.each([
    ["feat: add mean()", true],
    ["fix(parser): handle empty input", true],
    ["feat(api)!: drop the v1 endpoints", true],
    ["refactor!: rename the store", true],
    ["chore(deps): bump zod from 3 to 4", true],
    ["Docs: explain the config", true],
    ["deps(npm,yarn): update", true],
    ["Add mean()", false],
    ["feat:add mean()", false],
    ["feat : add mean()", false],
    ["feat(): add mean()", false],
    ["feat(a)(b): x", false],
    ["Merge pull request #12 from acme/feature", false],
    ['Revert "feat: add mean()"', false],
    ["[#3] Add mean()", false],
    ["", false],
  ])("%j: %s", (title, expected) => {
    expect(isConventionalTitle(title)).toBe(expected);
  });
});

describe("detectTitleStyle", () => {
  it("chooses conventional when most of the history follows Conventional Commits", () => {
    const history = [commit("feat: a"), commit("fix(x): b"), commit("docs: c"), commit("Initial commit")];

    expect(detectTitleStyle(history)).toBe("conventional");
  });

  it("needs at least 60% of the commits that are not merges", () => {
    const threeOfFive = [commit("feat: a"), commit("fix: b"), commit("chore: c"), commit("Add d"), commit("Update e")];
    const twoOfFive = [commit("feat: a"), commit("fix: b"), commit("Add c"), commit("Add d"), commit("Update e")];

    expect(detectTitleStyle(threeOfFive)).toBe("conventional");
    expect(detectTitleStyle(twoOfFive)).toBe("plain");
  });

  it("leaves merge commits out, whatever their titles", () => {
    const merges = Array.from({ length: 10 }, (_, index) => commit(`Merge pull request #${index} from acme/x`, true));
    const history = [...merges, commit("feat: a"), commit("fix: b"), commit("test: c")];

    expect(detectTitleStyle(history)).toBe("conventional");
  });

  it("trusts no fewer than three commits that are not merges", () => {
    expect(detectTitleStyle([commit("feat: a"), commit("fix: b")])).toBe("plain");
    expect(detectTitleStyle([commit("feat: a"), commit("fix: b"), commit("feat: c", true)])).toBe("plain");
    expect(detectTitleStyle([])).toBe("plain");
  });

  it("reads a plain history as plain", () => {
    expect(detectTitleStyle([commit("Add mean"), commit("Fix median"), commit("Initial commit")])).toBe("plain");
  });
});

describe("inferChangeType", () => {
  it.each([
    [{ title: "Add mean()", issueTitle: "Statistics", files: ["src/mean.js", "test/mean.test.js"] }, "feat"],
    [{ title: "Fix the median of even lists", issueTitle: "Statistics", files: ["src/median.js"] }, "fix"],
    [{ title: "Handle empty input", issueTitle: "Crash on an empty list", files: ["src/sum.js"] }, "fix"],
    [{ title: "Handle empty input", issueTitle: "Bug: sum of []", files: ["src/sum.js"] }, "fix"],
    [{ title: "Add a prefix option", issueTitle: "Prefixes", files: ["src/x.js"] }, "feat"],
    [{ title: "Document mean()", issueTitle: "Fix the docs", files: ["README.md", "docs/stats.md"] }, "docs"],
    [{ title: "Cover median", issueTitle: "Tests", files: ["test/median.test.js", "src/__tests__/a.ts", "pkg/a_test.go"] }, "test"],
    [{ title: "Cover slugify", issueTitle: "Tests", files: ["tests/test_slugify.py"] }, "test"],
    [{ title: "Add notes", issueTitle: "Notes", files: [] }, "feat"],
  ] as const)("%j is %s", (clues, expected) => {
    expect(inferChangeType(clues)).toBe(expected);
  });
});

describe("conventionalDescription", () => {
  it.each([
    ["Add mean()", "add mean()"],
    ["Add mean().", "add mean()"],
    ["  Update the parser  ", "update the parser"],
    ["README: document mean", "README: document mean"],
    ["API keys from the environment", "API keys from the environment"],
    ["JavaScript bindings", "JavaScript bindings"],
    ["iOS support", "iOS support"],
    ["add mean()", "add mean()"],
    ["A", "A"],
  ])("%j → %j", (title, expected) => {
    expect(conventionalDescription(title)).toBe(expected);
  });
});

describe("conventionalTitle", () => {
  it("writes the type, the scope in parentheses when there is one, then the description", () => {
    expect(conventionalTitle({ type: "feat", scope: "stats", title: "Add mean()" })).toBe("feat(stats): add mean()");
    expect(conventionalTitle({ type: "fix", title: "Handle empty lists." })).toBe("fix: handle empty lists");
  });
});

describe("chosenTitleStyle", () => {
  it("keeps a configured style, and for auto the detected one, plain when none was read", () => {
    expect(chosenTitleStyle("conventional", undefined)).toBe("conventional");
    expect(chosenTitleStyle("plain", "conventional")).toBe("plain");
    expect(chosenTitleStyle("auto", "conventional")).toBe("conventional");
    expect(chosenTitleStyle("auto", undefined)).toBe("plain");
  });
});
