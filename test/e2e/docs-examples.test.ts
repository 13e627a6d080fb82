import { describe, expect, it } from "vitest";
import { documentedScenarios, documentedSnippets, loadText } from "./docs-examples.ts";
import { runsToItsExpectations, runTimeoutMs } from "./run-example.ts";

const examples = [...documentedScenarios(), ...documentedSnippets()].map((example) => ({ example, scenario: loadText(example) }));

describe("docs/scenarios.md examples, run end to end", () => {
  it("finds the page's full examples, the happy path first, and its snippets", () => {
    expect(documentedScenarios().length).toBeGreaterThanOrEqual(3);
    expect(documentedScenarios()[0]?.title).toBe("one task, approved and merged");
    expect(documentedSnippets().map((snippet) => snippet.title)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^snippet \d+ \(steps\)/)]),
    );
    expect(examples.length).toBeGreaterThanOrEqual(7);
  });

  for (const { example, scenario } of examples) {
    it(
      `${example.title}: runs against the app and meets its expectations`,
      async () => {
        await runsToItsExpectations(scenario);
      },
      runTimeoutMs(scenario),
    );
  }
});
