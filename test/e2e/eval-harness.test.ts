/**
 * `npm run eval`'s harness end to end on a small instance: the oracle (the reference solution)
 * resolves it, the null agent (no useful change) does not, and no line of a hidden test ever
 * reaches the model: the model server's recorded requests are read whole.
 */
import { describe, expect, it } from "vitest";
import { loadInstance } from "../../eval/harness/instance.ts";
import { hiddenNeedles } from "../../eval/harness/leaks.ts";
import { playInstance } from "../../eval/harness/run-instance.ts";
import type { RunSettings } from "../../eval/harness/scenario.ts";

const FIXTURE = new URL("fixtures/eval-suite/js-word-stats/", import.meta.url).pathname;

const settings = (agent: RunSettings["agent"]): RunSettings => ({ agent, plan: "auto", tools: true, checks: true, timeoutSeconds: 200 });

describe("the eval harness", () => {
  it(
    "scores the oracle as resolved and the null agent as not, and no hidden test text reaches the model",
    { timeout: 240_000 },
    async () => {
      const instance = await loadInstance(FIXTURE);
      const [oracle, nothing] = await Promise.all([
        playInstance(instance, { settings: settings("oracle"), realModel: null }),
        playInstance(instance, { settings: settings("null"), realModel: null }),
      ]);

      expect(oracle.ending).toBe("closed");
      expect(oracle.merged).toBe(2);
      expect(oracle.hidden.failToPass.map((test) => [test.name, test.passed])).toEqual([
        ["counts words", true],
        ["ranks words", true],
      ]);
      expect(oracle.hidden.resolved).toBe(true);
      expect(oracle.planned).toEqual(["src/count.js", "src/top.js", "test/count.test.js", "test/top.test.js"]);

      expect(nothing.merged).toBe(1);
      expect(nothing.hidden.failToPass.every((test) => !test.passed)).toBe(true);
      expect(nothing.hidden.passToPass.every((test) => test.passed)).toBe(true);
      expect(nothing.hidden.resolved).toBe(false);

      // Every request the agents made, read whole, against every line of the hidden tests that the repository does not share.
      const hiddenLines = hiddenNeedles(instance, 12);
      expect(hiddenLines).toContain('test("hidden: counts words regardless of case and punctuation", () => {'.replaceAll('"', '\\"'));
      const requests = [...oracle.calls, ...nothing.calls];
      expect(requests.length).toBeGreaterThanOrEqual(8);
      expect(requests.filter((call) => hiddenLines.some((line) => call.requestText.includes(line)))).toEqual([]);
      expect(oracle.leaks + nothing.leaks).toBe(0);
    },
  );
});
