import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenario, parseScenario, ScenarioError, stepAction } from "../../src/scenario/index.ts";

const fixtures = join(import.meta.dirname, "fixtures");

async function problemsOf(load: () => unknown): Promise<string[]> {
  try {
    await load();
  } catch (error) {
    if (error instanceof ScenarioError)
      return error.message
        .split("\n")
        .slice(1)
        .map((line) => line.replace(/^ {2}- /, ""));
    throw error;
  }
  throw new Error("expected the scenario to be rejected");
}

describe("loadScenario", () => {
  it("loads the three-task example with its defaults filled in", async () => {
    const scenario = await loadScenario(join(fixtures, "three-task-feature.yml"));

    expect(scenario.name).toBe("three-task feature");
    expect(scenario.repository).toMatchObject({ owner: "acme", name: "calculator", defaultBranch: "main", mergeQueue: false });
    expect(scenario.repository.ci).toEqual([{ name: "test", run: "npm test", timeoutSeconds: 30 }]);
    expect(scenario.actors.map((actor) => [actor.login, actor.permission, actor.type])).toEqual([
      ["maya", "admin", "User"],
      ["rando", "read", "User"],
      ["other-bot[bot]", "write", "Bot"],
    ]);
    expect(scenario.issue).toMatchObject({ author: "maya", labels: [] });
    expect(scenario.steps).toHaveLength(5);
    expect(stepAction(scenario.steps[1]!)).toEqual({ kind: "comment", comment: { on: "issue", body: "/approve" } });
    expect(scenario.steps[2]?.when).toEqual({ pullRequest: { task: "subtract", checks: "success" } });
    expect(scenario.model.answers.map((answer) => answer.role)).toEqual(["engineer", "planner", "coder", "coder", "coder", "reviewer"]);
    expect(scenario.model.answers[0]).toMatchObject({ times: 1, repeat: false, finishReason: "stop" });
    expect(scenario.github).toEqual({ faults: [{ kind: "latency", ms: 20 }] });
    expect(scenario.expect.pullRequests).toEqual({ merged: ["subtract", "multiply", "readme"], open: [], count: 3 });
    expect(scenario.timeoutSeconds).toBe(90);
  });

  it("reads the template folder into the files, with listed files and the config winning", async () => {
    const scenario = await loadScenario(join(fixtures, "three-task-feature.yml"));

    expect(Object.keys(scenario.repository.files).sort()).toEqual([".github/foreman.yml", "README.md", "package.json", "src/add.ts"]);
    expect(scenario.repository.files["src/add.ts"]).toContain("export function add");
    expect(scenario.repository.files["README.md"]).toContain("soon subtracts");
    expect(scenario.repository.files[".github/foreman.yml"]).toBe("planApproval: manual\nmodels:\n  default: sandbox-model\n");
  });

  it("writes configText to .github/foreman.yml as given", async () => {
    const scenario = await loadScenario(join(fixtures, "planner-invalid-json.yml"));

    expect(scenario.repository.files[".github/foreman.yml"]).toBe("planApproval: manual\n");
    expect(scenario.model.answers.map((answer) => answer.content)).toContain("Sure! Here is the plan: first add subtract, then test it.");
  });

  it("loads the model-fault example with its model and GitHub faults", async () => {
    const scenario = await loadScenario(join(fixtures, "model-faults.yml"));

    expect(scenario.model.faults).toEqual([
      { kind: "rate_limit", on: { nth: 1 }, retryAfterSeconds: 1 },
      { kind: "server_error", on: { role: "planner", times: 1 }, status: 500 },
      { kind: "truncated_json", on: { role: "coder", nth: 1 } },
    ]);
    expect(scenario.github.faults[0]).toEqual({
      kind: "secondary_rate_limit",
      on: { path: "/repos/*/*/issues/*/comments", method: "POST", nth: 1 },
      retryAfterSeconds: 1,
    });
    expect(scenario.github.webhooks).toEqual({ duplicate: 0.1, reorder: 0.1, drop: ["check_suite.completed#1"], seed: 7 });
    expect(scenario.expect.model).toEqual({ unmatched: 0, remaining: 0 });
    expect(scenario.expect.sandbox).toEqual({ rejectedCalls: 0 });
  });

  it("reports every problem of a malformed scenario with its path and line", async () => {
    const problems = await problemsOf(() => loadScenario(join(fixtures, "malformed.yml")));

    expect(problems).toEqual([
      "repository.colour: unknown key (line 6)",
      "repository.ci[0].run: expected a string, got the integer 42 (line 10)",
      "actors[0].permission: expected one of: admin, maintain, write, triage, read, none (line 12)",
      'issue.author: unknown actor "nobody" (declare it under actors: maya) (line 14)',
      'steps[1].when.pullRequest.task: unknown task id "z" (the planner\'s answers declare: a, b) (line 20)',
      "steps[2]: expected one action per step, got label and comment (line 22)",
      "model.answers[1].role: expected one of: engineer, planner, coder, debugger, reviewer (line 29)",
      "model.faults[0].kind: expected one of: rate_limit, server_error, insufficient_quota, timeout, malformed_json, truncated_json (line 32)",
      'timeoutSeconds: expected a number, got the string "soon" (line 33)',
    ]);
  });

  it("gives the problems as data too", async () => {
    const error = await loadScenario(join(fixtures, "malformed.yml")).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as ScenarioError).source).toBe("malformed.yml");
    expect((error as ScenarioError).problems[0]).toEqual({ path: ["repository", "colour"], message: "unknown key", line: 6, column: 11 });
  });
});

describe("parseScenario", () => {
  const minimal = (extra: string): string =>
    [
      "name: minimal",
      "repository: { owner: acme, name: calc, files: { a.txt: hi } }",
      "actors: [{ login: maya, permission: write }]",
      "issue: { author: maya, title: T }",
      extra,
    ].join("\n");

  it("reports a YAML syntax error with its line and column", async () => {
    const problems = await problemsOf(() =>
      parseScenario("name: x\nrepository:\n  files: [a, b\n  ci: 3\n", { baseDir: fixtures, fileName: "broken.yml" }),
    );

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^line 4, column 3: YAML syntax error: Flow sequence .*must be sufficiently indented/);
  });

  it("reports a bot login written unquoted inside braces as a YAML error", async () => {
    const text = minimal("").replace(
      "{ login: maya, permission: write }",
      "{ login: maya, permission: write }, { login: x[bot], permission: read, type: Bot }",
    );

    const problems = await problemsOf(() => parseScenario(text, { baseDir: fixtures }));

    expect(problems[0]).toMatch(/^line 3, column \d+: YAML syntax error/);
  });

  it("rejects a document that is not a mapping", async () => {
    const problems = await problemsOf(() => parseScenario("- just\n- a list\n", { baseDir: fixtures }));

    expect(problems).toEqual(["expected a YAML mapping (name: ..., repository: ...)"]);
  });

  it("names the missing keys", async () => {
    const problems = await problemsOf(() => parseScenario("name: x\n", { baseDir: fixtures }));

    expect(problems).toEqual(["repository: required", "actors: required", "issue: required"]);
  });

  it("reports a template folder that does not exist", async () => {
    const text = minimal("").replace("files: { a.txt: hi }", "template: ./templates/nowhere");

    const problems = await problemsOf(() => parseScenario(text, { baseDir: fixtures }));

    expect(problems).toEqual([`repository.template: folder not found: ${join(fixtures, "templates", "nowhere")} (line 2)`]);
  });

  it("requires at least one file in the repository", async () => {
    const text = minimal("").replace("files: { a.txt: hi }", "defaultBranch: trunk");

    const problems = await problemsOf(() => parseScenario(text, { baseDir: fixtures }));

    expect(problems).toEqual(["repository: expected files or a template: a repository needs at least one file (line 2)"]);
  });

  it("rejects file paths outside the repository", async () => {
    const text = minimal("").replace("files: { a.txt: hi }", 'files: { "../escape.txt": hi, "/abs": x }');

    const problems = await problemsOf(() => parseScenario(text, { baseDir: fixtures }));

    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^repository\.files\["\.\.\/escape\.txt"\]: invalid key: expected a relative path/);
  });

  it("does not check task ids when no planner answer declares tasks", () => {
    const scenario = parseScenario(
      minimal(
        "steps:\n  - { as: maya, when: { pullRequest: { task: anything, state: merged } } }\nmodel: { answers: [{ role: planner, content: 'not json' }] }",
      ),
      { baseDir: fixtures },
    );

    expect(scenario.steps[0]?.when?.pullRequest).toEqual({ task: "anything", state: "merged" });
  });

  it("reads planner task ids from content given as a JSON string", async () => {
    const text = minimal(
      `expect: { pullRequests: { merged: [a, c] } }\nmodel: { answers: [{ role: planner, content: '{"plan": {"tasks": [{"id": "a"}]}}' }] }`,
    );

    const problems = await problemsOf(() => parseScenario(text, { baseDir: fixtures }));

    expect(problems).toEqual(['expect.pullRequests.merged[1]: unknown task id "c" (the planner\'s answers declare: a) (line 5)']);
  });

  it("rejects a step that acts without saying who acts, and one that does nothing", async () => {
    const problems = await problemsOf(() =>
      parseScenario(minimal("steps:\n  - { label: foreman }\n  - { name: idle }"), { baseDir: fixtures }),
    );

    expect(problems).toEqual([
      "steps[0].as: required: who does this step (line 6)",
      "steps[1]: expected an action (label, unlabel, comment, editComment, push, review, close, reopen), a wait or a when (line 7)",
    ]);
  });

  it("rejects config and configText together", async () => {
    const text = minimal("").replace("files: { a.txt: hi }", "files: { a.txt: hi }, config: { a: 1 }, configText: 'a: 1'");

    const problems = await problemsOf(() => parseScenario(text, { baseDir: fixtures }));

    expect(problems).toEqual(["repository.configText: give config or configText, not both (line 2)"]);
  });
});
