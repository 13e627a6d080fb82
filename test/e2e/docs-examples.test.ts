import { parseScenario, runScenario, ScenarioError, type Scenario } from "@foreman/sandbox";
import { describe, expect, it } from "vitest";
import { foremanUnderTest } from "../../demo/foreman-under-test.ts";
import { documentedFailures, documentedScenarios, documentedSnippets, fixtureFiles, type ScenarioText } from "./docs-examples.ts";
import { explain } from "./run-case.ts";

/** Room beyond a scenario's own `timeoutSeconds` for starting and stopping the app and the sandbox. */
const MARGIN_MS = 30_000;

const load = (example: ScenarioText): Scenario => parseScenario(example.text, { baseDir: example.baseDir, fileName: example.fileName });

const failing = documentedFailures();
const runnable = [...documentedScenarios(), ...documentedSnippets(), ...fixtureFiles().filter((fixture) => !failing.has(fixture.fileName))].map(
  (example) => ({ example, scenario: load(example) }),
);
const meantToFail = fixtureFiles().filter((fixture) => failing.has(fixture.fileName));

describe("docs/scenarios.md examples and the scenario fixtures, run end to end", () => {
  it("has the page's three full examples, its snippets, and fixtures that run and that fail", () => {
    expect(documentedScenarios()).toHaveLength(3);
    expect(documentedSnippets().length).toBeGreaterThanOrEqual(4);
    expect(runnable.length).toBeGreaterThanOrEqual(10);
    expect(meantToFail.map((fixture) => fixture.fileName)).toEqual(["malformed.yml"]);
  });

  for (const { example, scenario } of runnable) {
    it(`${example.title}: runs against the app and meets its expectations`, async () => {
      const result = await runScenario(scenario, { app: foremanUnderTest });

      expect(result.failures, explain(result)).toEqual([]);
      expect(result.ok).toBe(true);
    }, scenario.timeoutSeconds * 1000 + MARGIN_MS);
  }

  it.each(meantToFail.map((fixture) => [fixture.fileName, fixture] as const))("%s fails to load with the problems the page shows", (fileName, fixture) => {
    const error = (() => {
      try {
        load(fixture);
        return null;
      } catch (caught) {
        return caught;
      }
    })();

    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as ScenarioError).message).toBe(failing.get(fileName));
  });
});
