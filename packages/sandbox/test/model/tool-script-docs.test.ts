import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { loadScenario, parseScenario, ScenarioError } from "../../src/scenario/index.ts";
import type { ModelScriptInput } from "../../src/scenario/model-script.ts";
import { startForTest } from "./model-server-harness.ts";
import { runToolLoop } from "./tool-loop.ts";

const ROOT = join(import.meta.dirname, "..", "..", "..", "..");
const FIXTURES = join(import.meta.dirname, "..", "scenario", "fixtures");

/** The `yml` blocks of docs/scenarios.md: the tool-call snippets. */
function documentedToolScripts(): ModelScriptInput[] {
  const page = readFileSync(join(ROOT, "docs", "scenarios.md"), "utf8");
  return [...page.matchAll(/```yml\n([\s\S]*?)```/g)].map((match) => (parse(match[1] ?? "") as { model: ModelScriptInput }).model);
}

/** The problems a scenario text is rejected with, one line each. */
function problemsOf(text: string): string[] {
  try {
    parseScenario(text, { baseDir: FIXTURES, fileName: "tools.yml" });
  } catch (error) {
    if (error instanceof ScenarioError) return error.message.split("\n").slice(1);
    throw error;
  }
  throw new Error("expected the scenario to be rejected");
}

/** A fixture with its model answers replaced. */
function fixtureWithAnswers(answers: unknown[]): string {
  const scenario = parse(readFileSync(join(FIXTURES, "three-task-feature.yml"), "utf8")) as Record<string, unknown>;
  return stringify({ ...scenario, model: { answers } });
}

describe("the tool-call example in docs/scenarios.md", () => {
  const [script] = documentedToolScripts();
  const prompt = "### fix-total: Totals count quantities";
  const cart = "export function total(items) {\n  return items.reduce((sum, item) => sum + item.price, 0);\n}\n";

  it("is there", () => {
    expect(documentedToolScripts()).toHaveLength(1);
  });

  it("searches, reads what it found, then edits", async () => {
    const { server, client } = await startForTest({ script: script ?? {} });

    const result = await runToolLoop(client, { role: "coder", prompt, files: { "src/cart.js": cart } });

    expect(result.calls).toEqual(["search function total", "read_file src/cart.js"]);
    expect(JSON.parse(result.content ?? "")).toMatchObject({ summary: "Totals count quantities" });
    expect(server.toolCalls().map((call) => `${call.role ?? ""} → ${call.name}`)).toEqual(["coder → search", "coder → read_file"]);
  });

  it("finds no answer for an agent that sends no tools", async () => {
    const { server, client } = await startForTest({ script: script ?? {} });

    const failed = await client.chat.completions
      .create({ model: "m", messages: [{ role: "user", content: prompt }] }, { headers: { "x-foreman-role": "coder" } })
      .then(
        () => false,
        () => true,
      );

    expect(failed).toBe(true);
    expect(server.unmatched()[0]?.error).toContain("coder-search matched, but it calls search, and the request declares no function tools");
  });
});

describe("tool-call scripts in a scenario file", () => {
  it("load with their defaults: arguments {} and finish_reason tool_calls", () => {
    const scenario = parseScenario(
      fixtureWithAnswers([
        { role: "coder", match: { turn: 0 }, toolCalls: [{ name: "list_files" }] },
        { role: "coder", match: { toolResult: { tool: "list_files", contains: "src/" } }, content: "done" },
      ]),
      { baseDir: FIXTURES, fileName: "tools.yml" },
    );

    expect(scenario.model.answers[0]).toMatchObject({ toolCalls: [{ name: "list_files", arguments: {} }], finishReason: "tool_calls" });
    expect(scenario.model.answers[0]?.content).toBeUndefined();
    expect(scenario.model.answers[1]).toMatchObject({ content: "done", finishReason: "stop" });
  });

  it("are rejected with every problem, where it is", () => {
    const problems = problemsOf(
      fixtureWithAnswers([
        { role: "coder" },
        { role: "coder", toolCalls: [{ name: "read file", args: {} }] },
        { role: "coder", toolCalls: [] },
        { role: "coder", match: { turn: -1, toolResult: { file: "a.js" }, anyToolResult: { regex: "(" } }, content: "x" },
      ]),
    );

    expect(problems).toEqual([
      expect.stringMatching(/^ {2}- model\.answers\[0\]\.content: required \(or toolCalls, for an answer that calls tools\) \(line \d+\)$/),
      expect.stringMatching(
        /^ {2}- model\.answers\[1\]\.toolCalls\[0\]\.name: expected a tool name: 1 to 64 letters, digits, _ or - \(line \d+\)$/,
      ),
      expect.stringMatching(/^ {2}- model\.answers\[1\]\.toolCalls\[0\]\.args: unknown key \(line \d+\)$/),
      expect.stringMatching(/^ {2}- model\.answers\[2\]\.toolCalls: expected at least 1 item \(line \d+\)$/),
      expect.stringMatching(/^ {2}- model\.answers\[3\]\.match\.turn: must be at least 0 \(line \d+\)$/),
      expect.stringMatching(/^ {2}- model\.answers\[3\]\.match\.toolResult\.file: unknown key \(line \d+\)$/),
      expect.stringMatching(/^ {2}- model\.answers\[3\]\.match\.anyToolResult\.regex: expected a valid regular expression \(line \d+\)$/),
    ]);
  });
});

describe("scenario files written before tool calls", () => {
  /** The files written since, whose scripted agents call tools. */
  const withTools = new Set(["demo/scenarios/three-task-feature.yml", "test/e2e/scenarios/tools-find-caller.yml"]);
  const folders = ["demo/scenarios", "packages/sandbox/test/scenario/fixtures", "test/e2e/scenarios", "test/security/scenarios"];
  const files = folders.flatMap((folder) =>
    readdirSync(join(ROOT, folder))
      .filter((name) => name.endsWith(".yml") && name !== "malformed.yml")
      .map((name) => join(ROOT, folder, name)),
  );

  it.each(files.map((file) => [file.slice(ROOT.length + 1), file]))("%s loads with content answers as before", async (name, file) => {
    const scenario = await loadScenario(file);

    const answers = scenario.model.answers.filter((answer) => !withTools.has(name) || answer.toolCalls === undefined);
    for (const answer of answers) {
      expect(answer.toolCalls).toBeUndefined();
      expect(answer.content).toBeDefined();
      expect(["stop", "length", "content_filter"]).toContain(answer.finishReason);
    }
  });

  it("finds them all", () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
  });
});
