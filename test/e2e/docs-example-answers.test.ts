import type { AgentRole, Scenario } from "@foreman/sandbox";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { CoderAnswer } from "../../src/agents/coder.ts";
import { DebuggerVerdict } from "../../src/agents/debugger.ts";
import { EngineerAnswer } from "../../src/agents/engineer.ts";
import { ReviewVerdict } from "../../src/agents/reviewer.ts";
import { Plan } from "../../src/plan/index.ts";
import { documentedFailures, documentedScenarios, documentedSnippets, fixtureFiles, loadText, type ScenarioText } from "./docs-examples.ts";

/** The schema Foreman parses each agent's answer with. */
const SCHEMAS: Record<AgentRole, z.ZodType> = {
  engineer: EngineerAnswer,
  planner: Plan,
  coder: CoderAnswer,
  reviewer: ReviewVerdict,
  debugger: DebuggerVerdict,
};

type Answer = Scenario["model"]["answers"][number];

/** What the model server sends for an answer: a string as is, any other value as its JSON text. */
function sentText(answer: Answer): string {
  return typeof answer.content === "string" ? answer.content : JSON.stringify(answer.content);
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Every answer that is JSON must fit its role's schema; an answer that is not JSON at all is a
 * scripted bad answer (prose, a cut-off object), which the product must reject on its own.
 */
function answerProblems(scenario: Scenario): string[] {
  return scenario.model.answers.flatMap((answer, index) => {
    const role = answer.role ?? answer.match?.role;
    const name = answer.id ?? `answers[${index}]`;
    if (role === undefined) return [`${name}: no role, so no schema to check it against`];
    const text = sentText(answer);
    if (!isJson(text)) return [];
    const parsed = SCHEMAS[role].safeParse(JSON.parse(text));
    return parsed.success ? [] : parsed.error.issues.map((issue) => `${name} (${role}) ${issue.path.join(".")}: ${issue.message}`);
  });
}

const failing = documentedFailures();
const runnable: ScenarioText[] = [
  ...documentedScenarios(),
  ...documentedSnippets(),
  ...fixtureFiles().filter((fixture) => !failing.has(fixture.fileName)),
];

describe("the scripted answers in docs/scenarios.md and the scenario fixtures", () => {
  it("covers the page's examples and snippets and the fixtures", () => {
    expect(documentedScenarios().length).toBeGreaterThanOrEqual(3);
    expect(documentedSnippets().length).toBeGreaterThanOrEqual(4);
    expect(fixtureFiles().filter((fixture) => !failing.has(fixture.fileName)).length).toBeGreaterThanOrEqual(3);
  });

  it.each(runnable.map((example) => [example.title, example] as const))(
    "%s: every answer has the shape Foreman accepts",
    (_title, example) => {
      const scenario = loadText(example);

      expect(scenario.model.answers.length).toBeGreaterThan(0);
      expect(answerProblems(scenario)).toEqual([]);
    },
  );

  it("finds an answer of the wrong shape", () => {
    const [first] = documentedScenarios();
    if (!first) throw new Error("docs/scenarios.md has no full example");
    const scenario = loadText(first);
    const planner = scenario.model.answers.find((answer) => answer.role === "planner");
    if (!planner) throw new Error("the first example has no planner answer");

    const wrong = { ...scenario, model: { ...scenario.model, answers: [{ ...planner, content: { tasks: [{ id: "a" }] } }] } };

    expect(answerProblems(wrong).length).toBeGreaterThan(0);
  });
});
