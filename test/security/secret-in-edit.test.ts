import { describe, expect, it } from "vitest";
import { appComments, explain } from "../e2e/run-case.ts";
import { foremanOutputs, leaksIn, promptTexts } from "./leaks.ts";
import { runAttack } from "./run-attack.ts";

/** The token `secret-in-edit.yml` has the coder write into the files. */
const TOKEN = "ghp_SECRETinEDIT1234567890abcdefghijklmnop";

describe("a coder that writes a GitHub token into a file", () => {
  it("is refused and told why; the token reaches no commit, comment, pull request, check run or log", async () => {
    const run = await runAttack("secret-in-edit.yml", {
      observe: async (world) => ({
        outputs: await foremanOutputs(world),
        prompts: promptTexts(world),
        issueComments: appComments(world, "issue"),
      }),
    });

    expect(run.failures, explain(run)).toEqual([]);
    const { outputs, prompts, issueComments } = run.observed;
    // The repair round told the coder why, without quoting the token back.
    const repairs = prompts.filter((prompt) => prompt.includes("would contain what looks like a GitHub token"));
    expect(repairs).toHaveLength(2);
    // The refusal is reported on the issue for the task whose coder insisted, both rounds.
    const refusal = issueComments.find((body) => body.startsWith("Task `deploy` could not be coded"));
    expect(refusal?.match(/`src\/deploy\.js` would contain what looks like a GitHub token; Foreman never commits secrets/g)).toHaveLength(
      2,
    );
    // The work went on without it: one pull request, its commit holding mean() and no token.
    expect(outputs.commits?.join("\n")).toContain("export function mean(values)");
    expect(leaksIn(outputs, [TOKEN, "SECRETinEDIT"])).toEqual([]);
  });
});
