import { describe, expect, it } from "vitest";
import { configFileProblems, parseRepoConfig } from "../../../src/config/parse-repo-config.ts";
import { modelFor, toolsFor } from "../../../src/config/repo-config.ts";
import type { RepoConfig } from "../../../src/config/repo-config.ts";

const defaults: RepoConfig = {
  label: "foreman",
  planApproval: "manual",
  maxParallelTasks: 3,
  models: {},
  merge: { mode: "auto", method: "squash", closeIssue: true },
  protectedPaths: [],
  limits: {
    tasksPerPlan: 6,
    filesPerTask: 10,
    changedLinesPerTask: 400,
    issueBodyChars: 20000,
    tokensPerIssue: 400000,
    costPerIssueUsd: 5,
    planDepth: 4,
  },
  qa: { maxFixAttempts: 3, maxFixAttemptsPerIssue: 8, review: { enabled: true, maxRounds: 2 } },
  approval: { separateApprover: false, highRiskApprovers: [], nativeReviews: true, tasks: "each" },
  agents: {
    tools: true,
    contextTokens: 32000,
    engineer: { maxTurns: 8 },
    planner: { maxTurns: 12 },
    coder: { maxTurns: 20, maxCheckRuns: 4 },
    debugger: { maxTurns: 12, maxCheckRuns: 4 },
    reviewer: { maxTurns: 8 },
  },
  allowBots: [],
  checks: { commands: {}, allow: [] },
  pullRequests: { title: "auto", closesIssue: false },
};

describe("parseRepoConfig", () => {
  it.each([null, undefined, {}])("gives every default for %j", (input) => {
    expect(parseRepoConfig(input)).toEqual({ ok: true, config: defaults });
  });

  it("keeps the defaults of a section when only some of its keys are set", () => {
    const result = parseRepoConfig({ merge: { method: "rebase" }, limits: { tasksPerPlan: 20 } });

    expect(result).toEqual({
      ok: true,
      config: { ...defaults, merge: { ...defaults.merge, method: "rebase" }, limits: { ...defaults.limits, tasksPerPlan: 20 } },
    });
  });

  it("reads a complete configuration", () => {
    const input = {
      label: "ai",
      planApproval: "auto",
      maxParallelTasks: 10,
      models: { default: "m", coder: "big", reviewer: "careful" },
      merge: { mode: "queue", method: "merge", closeIssue: false },
      protectedPaths: ["infra/**"],
      limits: {
        tasksPerPlan: 1,
        filesPerTask: 2,
        changedLinesPerTask: 3,
        issueBodyChars: 4,
        tokensPerIssue: 5,
        costPerIssueUsd: 0.5,
        planDepth: 2,
      },
      qa: { maxFixAttempts: 1, maxFixAttemptsPerIssue: 2, review: { enabled: false, maxRounds: 1 } },
      approval: { separateApprover: true, highRiskApprovers: ["lee"], nativeReviews: false, tasks: "plan" },
      agents: {
        tools: false,
        contextTokens: 8000,
        engineer: { maxTurns: 2 },
        planner: { maxTurns: 3, tools: true },
        coder: { maxTurns: 30, maxCheckRuns: 2 },
        debugger: { maxTurns: 4, maxCheckRuns: 0 },
        reviewer: { maxTurns: 1, tools: false },
      },
      allowBots: ["renovate[bot]"],
      checks: {
        setup: { run: "npm ci", timeoutSeconds: 900 },
        commands: { test: { run: "npm test", timeoutSeconds: 120 } },
        allow: ["npm test -- ..."],
      },
      pullRequests: { title: "conventional", closesIssue: false },
    };

    expect(parseRepoConfig(input)).toEqual({ ok: true, config: input });
  });

  it("reports every problem at once, with its path", () => {
    const input = {
      maxParallelTasks: 11,
      merge: { method: "fast-forward" },
      limits: { tasksPerPlan: 2.5, costPerIssueUsd: 0 },
      protectedPaths: ["ok", ""],
    };

    const result = parseRepoConfig(input);

    expect(result).toEqual({
      ok: false,
      problems: [
        { path: "maxParallelTasks", message: "must be at most 10, got 11" },
        { path: "merge.method", message: 'must be one of "merge", "squash", "rebase", got "fast-forward"' },
        { path: "protectedPaths[1]", message: 'must not be empty, got ""' },
        { path: "limits.tasksPerPlan", message: "must be a whole number, got 2.5" },
        { path: "limits.costPerIssueUsd", message: "must be more than 0, got 0" },
      ],
    });
  });

  it("reports unknown keys by name, with a hint when a known key is close", () => {
    const input = { lable: "x", max_parallel_tasks: 2, models: { planer: "m", wizard: "m" }, tasksPerPlan: 3 };

    const result = parseRepoConfig(input);

    expect(result.ok === false && result.problems).toEqual([
      { path: "models.planer", message: 'unknown key "planer"; did you mean "planner"?' },
      { path: "models.wizard", message: 'unknown key "wizard"' },
      { path: "lable", message: 'unknown key "lable"; did you mean "label"?' },
      { path: "max_parallel_tasks", message: 'unknown key "max_parallel_tasks"; did you mean "maxParallelTasks"?' },
      { path: "tasksPerPlan", message: 'unknown key "tasksPerPlan"; did you mean "limits.tasksPerPlan"?' },
    ]);
  });

  it("says what it expected when a section has the wrong type", () => {
    const result = parseRepoConfig({ merge: null, allowBots: "dependabot", planApproval: true });

    expect(result.ok === false && result.problems).toEqual([
      { path: "planApproval", message: 'must be one of "auto", "manual", got true' },
      { path: "merge", message: "must be a mapping of keys to values, got nothing (null)" },
      { path: "allowBots", message: 'must be a list, got "dependabot"' },
    ]);
  });

  it("rejects a file that is not a mapping", () => {
    expect(parseRepoConfig(["label"])).toEqual({
      ok: false,
      problems: [{ path: "", message: "must be a mapping of keys to values, got a list" }],
    });
  });

  it("quotes odd key names in paths", () => {
    const result = parseRepoConfig({ "my key": 1 });

    expect(result.ok === false && result.problems).toEqual([{ path: '["my key"]', message: 'unknown key "my key"' }]);
  });
});

describe("modelFor", () => {
  it("uses the role's model, else the repository's default", () => {
    const result = parseRepoConfig({ models: { default: "small", coder: "large" } });

    expect(result.ok && [modelFor(result.config, "coder", "operator"), modelFor(result.config, "planner", "operator")]).toEqual([
      "large",
      "small",
    ]);
  });

  it("uses the deployment's default for a role the repository names no model for", () => {
    const named = parseRepoConfig({ models: { reviewer: "careful" } });
    const empty = parseRepoConfig(null);

    expect(named.ok && [modelFor(named.config, "reviewer", "operator"), modelFor(named.config, "coder", "operator")]).toEqual([
      "careful",
      "operator",
    ]);
    expect(empty.ok && modelFor(empty.config, "engineer", "operator")).toBe("operator");
  });
});

describe("agents", () => {
  it("gives a role tools by `agents.tools` unless the role says otherwise", () => {
    const result = parseRepoConfig({ agents: { tools: false, coder: { tools: true } } });

    expect(result.ok && [toolsFor(result.config, "coder"), toolsFor(result.config, "planner")]).toEqual([true, false]);
  });

  it("refuses turns out of range, unknown roles and non-boolean tools", () => {
    const result = parseRepoConfig({ agents: { coder: { maxTurns: 0 }, writer: {}, tools: "yes" } });

    expect(result.ok === false && result.problems.map((problem) => problem.path).sort()).toEqual([
      "agents.coder.maxTurns",
      "agents.tools",
      "agents.writer",
    ]);
  });
});

describe("parseRepoConfig: checks", () => {
  it("reads named checks as lines or with a time limit, setup and allow patterns", () => {
    const result = parseRepoConfig({
      checks: {
        setup: "npm ci",
        commands: { test: "npm test", lint: { run: "npm run lint", timeoutSeconds: 60 } },
        allow: ["npm test -- ..."],
      },
    });

    expect(result.ok && result.config.checks).toEqual({
      setup: { run: "npm ci", timeoutSeconds: 600 },
      commands: { test: { run: "npm test", timeoutSeconds: 300 }, lint: { run: "npm run lint", timeoutSeconds: 60 } },
      allow: ["npm test -- ..."],
    });
  });

  it.each([
    [{ commands: { Test: "npm test" } }, "checks.commands.Test"],
    [{ commands: { test: "" } }, "checks.commands.test"],
    [{ commands: { test: { run: "x", timeoutSeconds: 0 } } }, "checks.commands.test.timeoutSeconds"],
    [{ commands: { test: { run: "x", timeout: 5 } } }, "checks.commands.test.timeout"],
    [{ allow: ["pytest | tee"] }, "checks.allow[0]"],
    [{ allow: ["* test"] }, "checks.allow[0]"],
    [{ run: "npm test" }, "checks.run"],
  ])("refuses %j and says where", (checks, path) => {
    const result = parseRepoConfig({ checks });

    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((problem) => problem.path)).toContain(path);
  });

  it.each(["auto", "conventional", "plain"] as const)("reads pull request titles %j, and a closing keyword on the last task", (title) => {
    const result = parseRepoConfig({ pullRequests: { title, closesIssue: true } });

    expect(result.ok && result.config.pullRequests).toEqual({ title, closesIssue: true });
  });

  it("refuses an unknown title style and says which ones there are", () => {
    const result = parseRepoConfig({ pullRequests: { title: "semantic" } });

    expect(result).toEqual({
      ok: false,
      problems: [{ path: "pullRequests.title", message: 'must be one of "auto", "conventional", "plain", got "semantic"' }],
    });
  });

  it("refuses a last pull request that closes the issue when merge.closeIssue leaves it open", () => {
    const result = parseRepoConfig({ merge: { closeIssue: false }, pullRequests: { closesIssue: true } });

    expect(result).toEqual({
      ok: false,
      problems: [
        {
          path: "pullRequests.closesIssue",
          message: "closes the issue when the last task merges, but merge.closeIssue is false (leave the issue open): set one of them",
        },
      ],
    });
  });

  it("knows _extends in one file, of Probot's form, but not in the merged configuration, which never holds it", () => {
    expect(configFileProblems({ _extends: "acme/.github:configs/foreman.yml", label: "ship-it" })).toEqual([]);
    expect(configFileProblems({ _extends: "acme/.github:../foreman.yml" })).toEqual([
      {
        path: ["_extends"],
        message:
          'must name a file to build on: `repo`, `owner/repo`, or either with `:path/to/file.yml`, got "acme/.github:../foreman.yml"',
      },
    ]);
    expect(parseRepoConfig({ _extends: ".github" })).toEqual({
      ok: false,
      problems: [{ path: "_extends", message: 'unknown key "_extends"' }],
    });
  });
});
