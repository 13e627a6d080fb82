import { ScenarioError } from "@foreman/sandbox";
import { describe, expect, it } from "vitest";
import { documentedFailures, fixtureFiles, loadText } from "./docs-examples.ts";
import { runsToItsExpectations, runTimeoutMs } from "./run-example.ts";

const failing = documentedFailures();
const runnable = fixtureFiles()
  .filter((fixture) => !failing.has(fixture.fileName))
  .map((fixture) => ({ fixture, scenario: loadText(fixture) }));
const meantToFail = fixtureFiles().filter((fixture) => failing.has(fixture.fileName));

function loadError(load: () => unknown): unknown {
  try {
    load();
    return null;
  } catch (caught) {
    return caught;
  }
}

describe("the scenario fixtures (packages/sandbox/test/scenario/fixtures), run end to end", () => {
  it("finds fixtures that run and the one that docs/scenarios.md shows failing", () => {
    expect(runnable.map(({ fixture }) => fixture.fileName)).toEqual(expect.arrayContaining(["three-task-feature.yml", "model-faults.yml"]));
    expect(meantToFail.map((fixture) => fixture.fileName)).toEqual(["malformed.yml"]);
  });

  for (const { fixture, scenario } of runnable) {
    it(
      `${fixture.fileName}: runs against the app and meets its expectations`,
      async () => {
        await runsToItsExpectations(scenario);
      },
      runTimeoutMs(scenario),
    );
  }

  it.each(meantToFail.map((fixture) => [fixture.fileName, fixture] as const))(
    "%s fails to load with the problems docs/scenarios.md shows",
    (fileName, fixture) => {
      const error = loadError(() => loadText(fixture));

      expect(error).toBeInstanceOf(ScenarioError);
      expect((error as ScenarioError).message).toBe(failing.get(fileName));
    },
  );
});
