import { describe, expect, it } from "vitest";
import { explain } from "../e2e/run-case.ts";
import { foremanOutputs, leaksIn, promptTexts } from "./leaks.ts";
import { runAttack } from "./run-attack.ts";

const CANARY = "ghp_CANARYlocalCHECKoutput1234567890abcdef";

describe("a secret printed by a local check", () => {
  it("is redacted in the output the coder is shown, and reaches no prompt and no output, while the work merges", async () => {
    const run = await runAttack("checks-output-secret.yml", {
      observe: async (world) => ({ prompts: promptTexts(world), outputs: await foremanOutputs(world) }),
    });

    expect(run.failures, explain(run)).toEqual([]);
    const { prompts, outputs } = run.observed;
    // The check's output did reach the coder: its failure and the token's place, redacted.
    const allPrompts = prompts.join("\n");
    expect(allPrompts).toContain("Local checks failed on your edits");
    expect(allPrompts).toContain("deploy token [REDACTED:github-token]");
    expect(leaksIn({ prompts }, [CANARY])).toEqual([]);
    expect(leaksIn(outputs, [CANARY])).toEqual([]);
  }, 90_000);
});
