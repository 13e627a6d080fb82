import { describe, expect, it } from "vitest";
import { driveScenario, loadScenario, taskPull, type World } from "@foreman/sandbox";
import { foremanUnderTest } from "../../demo/foreman-under-test.ts";
import { explain, scenarioPath } from "./run-case.ts";
import { modelRequests, promptText, statusComment } from "./qa-observe.ts";

/** Local checks cost a sandbox start per run on top of the usual case: a little more time. */
const TIMEOUT_MS = 90_000;

/** A pull request's body lives on its issue. */
function pullBody(world: World, task: string): string {
  const pull = taskPull(world, task);
  return pull ? (world.github.store.issue(world.repo.id, pull.number)?.body ?? "") : "";
}

function observe(world: World) {
  const coder = modelRequests(world, "coder");
  return {
    pullBody: pullBody(world, "mean"),
    statusComment: statusComment(world),
    coderRequests: coder.length,
    lastCoderPrompt: promptText(coder.at(-1)),
    debuggerRequests: modelRequests(world, "debugger").length,
  };
}

async function run(checks: "sandbox" | "off") {
  const scenario = await loadScenario(scenarioPath("checks-js-mean.yml"));
  return driveScenario(scenario, { world: { app: foremanUnderTest, appEnv: { FOREMAN_CHECKS: checks } }, observe });
}

/** The index of the first timeline line that contains `text`; -1 when none does. */
const lineOf = (timeline: readonly string[], text: string): number => timeline.findIndex((line) => line.includes(text));

describe("local checks before the first push", () => {
  it(
    "runs the repository's test on the coder's draft, sends the failure back, and pushes only the fix: CI is green at once",
    async () => {
      const result = await run("sandbox");

      expect(result.failures, explain(result)).toEqual([]);
      const { timeline, observed, figures } = result;
      const failed = lineOf(timeline, "coder ran `test` locally: failed (exit code 1)");
      const passed = lineOf(timeline, "coder ran `test` locally: passed (exit code 0)");
      const opened = lineOf(timeline, "PR #2 opened");
      expect(failed, explain(result)).toBeGreaterThan(-1);
      expect(passed).toBeGreaterThan(failed);
      expect(opened).toBeGreaterThan(passed);
      expect({ ciRuns: figures.ciRuns, redCiRuns: figures.redCiRuns }).toEqual({ ciRuns: 1, redCiRuns: 0 });
      expect(observed.coderRequests).toBe(2);
      expect(observed.lastCoderPrompt).toContain("Local checks failed on your edits: `test` failed (exit code 1");
      expect(observed.lastCoderPrompt).toContain("2 !== 2.5");
      expect(observed.debuggerRequests).toBe(0);
      expect(observed.pullBody).toContain("**Checks run locally** on this commit's files");
      expect(observed.pullBody).toMatch(/- `test`: passed \(\d+(\.\d)? s\)/);
      expect(observed.statusComment).not.toContain("Local checks are off");
    },
    TIMEOUT_MS,
  );

  it(
    "says on the status comment when the operator turned them off, and CI and the debugger do the work",
    async () => {
      const result = await run("off");

      expect(result.failures, explain(result)).toEqual([]);
      const { observed, figures } = result;
      expect(observed.statusComment).toContain("Local checks are off: local checks are turned off by the operator");
      expect(figures.redCiRuns).toBe(1);
      expect(observed.debuggerRequests).toBe(1);
      expect(observed.pullBody).not.toContain("Checks run locally");
    },
    TIMEOUT_MS,
  );
});
