import { DatabaseSync } from "node:sqlite";
import { describe, expect, it } from "vitest";
import { waitFor, waitQuiet, type World } from "@foreman/sandbox";
import { databaseOf } from "../../demo/foreman-under-test.ts";
import { explain } from "../e2e/run-case.ts";
import { runAttack } from "./run-attack.ts";

function botComments(world: World, issue: number): string[] {
  return world.github.store
    .commentsOn(world.repo.id, issue)
    .filter((comment) => comment.user.login === world.botLogin)
    .map((comment) => comment.body);
}

/** The app's workflows as `id: open`, read from its database without writing to it. */
function workflows(world: World): string[] {
  const db = new DatabaseSync(databaseOf(world.dataDir), { readOnly: true });
  try {
    return (db.prepare("SELECT id, open FROM workflows ORDER BY id").all() as Array<{ id: string; open: number }>).map(
      (row) => `${row.id}: ${row.open === 1 ? "open" : "closed"}`,
    );
  } finally {
    db.close();
  }
}

async function labelNewIssue(world: World, title: string, until: (comments: string[]) => boolean): Promise<number> {
  const octokit = world.as("maya");
  const target = { owner: world.repo.owner.login, repo: world.repo.name };
  const { data: issue } = await octokit.rest.issues.create({ ...target, title, body: "With tests, next to `sum`." });
  await octokit.rest.issues.addLabels({ ...target, issue_number: issue.number, labels: ["foreman"] });
  expect(await waitFor(() => until(botComments(world, issue.number)), Date.now() + 20_000), `the app's answer on #${issue.number}`).toBe(
    true,
  );
  return issue.number;
}

describe("limits", () => {
  it("stops an issue over its token budget with a comment naming the cap, and refuses a label over the workflow cap", async () => {
    const numbers: number[] = [];
    const run = await runAttack("limits.yml", {
      appEnv: { FOREMAN_MAX_WORKFLOWS_PER_INSTALLATION: "1" },
      afterSteps: async (world) => {
        numbers.push(
          await labelNewIssue(world, "Add median() next to sum()", (comments) =>
            comments.some((body) => body.includes("Waiting for plan approval")),
          ),
        );
        numbers.push(await labelNewIssue(world, "Add mode() next to sum()", (comments) => comments.length > 0));
        expect(await waitQuiet(world, 15_000), "quiet after the two labels").toBe(true);
      },
      observe: (world) => ({
        overBudget: botComments(world, world.issueNumber),
        overCap: numbers.map((number) => botComments(world, number)),
        workflows: workflows(world),
      }),
    });

    expect(run.failures, explain(run)).toEqual([]);
    const { overBudget, overCap, workflows: recorded } = run.observed;
    expect(overBudget).toContainEqual(
      expect.stringContaining("Foreman stopped: this issue has used 1200 tokens, over its budget of 1000 (`limits.tokensPerIssue`)."),
    );
    expect(overCap[0]).toEqual([expect.stringContaining("Waiting for plan approval")]);
    expect(overCap[1]).toEqual([
      "Foreman did not start: this installation already runs 1 workflow, its cap (`FOREMAN_MAX_WORKFLOWS_PER_INSTALLATION` = 1). Add the label again once one of them has finished.\n\n<!-- foreman:comment workflow-cap -->",
    ]);
    expect(recorded).toEqual(["acme/stats#1: closed", "acme/stats#2: open"]);
  });
});
