import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_QUIET_SECONDS,
  duplicateKinds,
  parseScenario,
  ScenarioError,
  stepAction,
  type Scenario,
} from "../../src/scenario/index.ts";

const fixtures = join(import.meta.dirname, "fixtures");

/** A valid scenario whose planner declares tasks a and b, with `extra` appended as top-level YAML. */
function scenarioText(extra: string, actors = "[{ login: maya, permission: write }]"): string {
  return [
    "name: additions",
    "repository: { owner: acme, name: calc, files: { a.txt: hi } }",
    `actors: ${actors}`,
    "issue: { author: maya, title: T }",
    "model:",
    "  answers:",
    "    - role: planner",
    "      content: { tasks: [{ id: a }, { id: b }] }",
    extra,
  ].join("\n");
}

const parse = (text: string): Scenario => parseScenario(text, { baseDir: fixtures, fileName: "additions.yml" });

function problemsOf(text: string): string[] {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof ScenarioError)
      return error.problems.map((problem) => `${problem.path.join(".")}: ${problem.message} (line ${problem.line ?? "?"})`);
    throw error;
  }
  throw new Error("expected the scenario to be rejected");
}

describe("expect.quietSeconds", () => {
  it("defaults to a short quiet period when the file does not give one", () => {
    const scenario = parse(scenarioText(""));

    expect(scenario.expect.quietSeconds).toBe(DEFAULT_QUIET_SECONDS);
    expect(DEFAULT_QUIET_SECONDS).toBe(2);
  });

  it("takes zero or a fraction of a second", () => {
    expect(parse(scenarioText("expect: { quietSeconds: 0 }")).expect.quietSeconds).toBe(0);
    expect(parse(scenarioText("expect: { quietSeconds: 0.5 }")).expect.quietSeconds).toBe(0.5);
  });

  it("rejects a negative quiet period with its path and line", () => {
    expect(problemsOf(scenarioText("expect:\n  quietSeconds: -1"))).toEqual(["expect.quietSeconds: must be at least 0 (line 10)"]);
  });
});

describe("a wait step", () => {
  it("waits a given time without an actor, after an optional condition", () => {
    const scenario = parse(
      scenarioText("steps:\n  - { wait: { seconds: 3 } }\n  - { when: { issue: { state: open } }, wait: { seconds: 0.5 } }"),
    );

    expect(scenario.steps.map((step) => step.wait)).toEqual([{ seconds: 3 }, { seconds: 0.5 }]);
    expect(stepAction(scenario.steps[0]!)).toBeUndefined();
  });

  it("rejects a wait in a step that also acts, and a wait of no time", () => {
    const text = scenarioText("steps:\n  - { as: maya, label: foreman, wait: { seconds: 1 } }\n  - wait: { seconds: 0 }");

    expect(problemsOf(text)).toEqual([
      "steps.0.wait: a step waits or acts, not both: put the wait in a step of its own before the label (line 10)",
      "steps.1.wait.seconds: must be greater than 0 (line 11)",
    ]);
  });
});

describe("a condition on a task's state", () => {
  it("reads the pull request, the checks, the app's check run and the status line, in when and in expect", () => {
    const text = scenarioText(
      [
        "steps:",
        "  - as: maya",
        "    when: { task: { id: a, appCheck: { name: Foreman, title: Ready for approval } }, timeoutSeconds: 30 }",
        '    comment: { on: { task: a }, body: "/approve" }',
        "expect:",
        "  tasks:",
        "    - { id: a, pullRequest: merged, appCheck: { conclusion: success } }",
        '    - { id: b, statusLine: "ready for `/approve`", checks: success }',
        "    - { id: b, pullRequest: none }",
      ].join("\n"),
    );

    const scenario = parse(text);

    expect(scenario.steps[0]?.when).toEqual({
      task: { id: "a", appCheck: { name: "Foreman", title: "Ready for approval" } },
      timeoutSeconds: 30,
    });
    expect(scenario.expect.tasks).toEqual([
      { id: "a", pullRequest: "merged", appCheck: { conclusion: "success" } },
      { id: "b", statusLine: "ready for `/approve`", checks: "success" },
      { id: "b", pullRequest: "none" },
    ]);
  });

  it("reports a task without any fact, checks on a task without a pull request, and an unknown task", () => {
    const text = scenarioText(
      [
        "steps:",
        "  - when: { task: { id: a } }",
        "expect:",
        "  tasks:",
        "    - { id: b, pullRequest: none, checks: success }",
        "    - { id: z, pullRequest: open }",
      ].join("\n"),
    );

    expect(problemsOf(text)).toEqual([
      "steps.0.when.task: expected at least one of: pullRequest, checks, appCheck, statusLine (line 10)",
      "expect.tasks.0.checks: a task without a pull request has no checks (line 13)",
      'expect.tasks.1.id: unknown task id "z" (the planner\'s answers declare: a, b) (line 14)',
    ]);
  });

  it("rejects an unknown conclusion of the app's check run", () => {
    expect(problemsOf(scenarioText("expect:\n  tasks: [{ id: a, appCheck: { conclusion: green } }]"))).toEqual([
      "expect.tasks.0.appCheck.conclusion: expected one of: success, failure, neutral, cancelled, skipped, timed_out, action_required, stale (line 10)",
    ]);
  });
});

describe("expect.comments", () => {
  it("counts comments per place and per author, exactly or within bounds", () => {
    const text = scenarioText(
      [
        "expect:",
        "  comments:",
        "    - { author: app, count: 1 }",
        '    - { on: { task: a }, author: maya, contains: "/approve", atLeast: 1, atMost: 2 }',
      ].join("\n"),
    );

    expect(parse(text).expect.comments).toEqual([
      { on: "issue", author: "app", count: 1 },
      { on: { task: "a" }, author: "maya", contains: "/approve", atLeast: 1, atMost: 2 },
    ]);
  });

  it("reports a count without a number, with both kinds of bound, with crossed bounds and on an unknown task", () => {
    const text = scenarioText(
      [
        "expect:",
        "  comments:",
        "    - { author: app }",
        "    - { count: 1, atLeast: 1 }",
        "    - { atLeast: 3, atMost: 2 }",
        "    - { on: { task: z }, count: 0 }",
      ].join("\n"),
    );

    expect(problemsOf(text)).toEqual([
      "expect.comments.0: expected count, atLeast or atMost (line 11)",
      "expect.comments.1.count: give count, or atLeast and/or atMost, not both (line 12)",
      "expect.comments.2.atMost: is less than atLeast (3) (line 13)",
      'expect.comments.3.on.task: unknown task id "z" (the planner\'s answers declare: a, b) (line 14)',
    ]);
  });

  it("reports author app as ambiguous when an actor is called app", () => {
    const text = scenarioText(
      "expect:\n  comments: [{ author: app, count: 1 }]",
      "[{ login: maya, permission: write }, { login: app, permission: read }]",
    );

    expect(problemsOf(text)).toEqual([
      'expect.comments.0.author: "app" means the app under test here, but an actor is also called app (line 10)',
    ]);
  });
});

describe("expect.noDuplicates", () => {
  it("checks every kind with true, the listed kinds with a list, and none when absent or false", () => {
    const all = parse(scenarioText("expect: { noDuplicates: true }")).expect.noDuplicates;
    const some = parse(scenarioText("expect: { noDuplicates: [comments, checkRuns, comments] }")).expect.noDuplicates;

    expect(duplicateKinds(all)).toEqual(["pullRequests", "comments", "commits", "checkRuns", "reviews"]);
    expect(duplicateKinds(some)).toEqual(["comments", "checkRuns"]);
    expect(duplicateKinds(parse(scenarioText("")).expect.noDuplicates)).toEqual([]);
    expect(duplicateKinds(false)).toEqual([]);
  });

  it("rejects an unknown kind, naming the kinds it knows", () => {
    expect(problemsOf(scenarioText("expect:\n  noDuplicates: [pulls]"))).toEqual([
      "expect.noDuplicates: expected true, false or a list of: pullRequests, comments, commits, checkRuns, reviews (line 10)",
    ]);
  });
});
