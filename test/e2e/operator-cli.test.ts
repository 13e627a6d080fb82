import { describe, expect, it } from "vitest";
import { pullState, taskPull, type World } from "@foreman/sandbox";
import { databaseOf } from "../../demo/foreman-under-test.ts";
import { branchExists, statusComment } from "./qa-observe.ts";
import { foremanCli, TopInTerminal, type CliRun } from "./operator-cli.ts";
import { CASE_TIMEOUT_MS, explain } from "./run-case.ts";
import { runCaseInWorld } from "./run-in-world.ts";

/** The step after which the operator steps in: the workflow runs, its pull request waits for `/approve`. */
const WAITING_FOR_APPROVAL_STEP = 1;

interface WhileRunning {
  workflowId: string;
  list: CliRun;
  listOpen: CliRun;
  topScreen: string;
  topQuit: boolean;
  cancel: CliRun;
}

async function whileRunning(world: World): Promise<WhileRunning> {
  const database = databaseOf(world.dataDir);
  const workflowId = `acme/stats#${world.issueNumber}`;
  const list = await foremanCli(database, "alice", "list");
  const listOpen = await foremanCli(database, "alice", "list", "--open", "--phase", "executing", "--repo", "acme/stats");
  const top = new TopInTerminal();
  try {
    await top.start(database);
    const topScreen = await top.screenShowing(workflowId);
    const topQuit = await top.quit();
    const cancel = await foremanCli(database, "alice", "cancel", workflowId);
    return { workflowId, list, listOpen, topScreen, topQuit, cancel };
  } finally {
    await top.close();
  }
}

describe("the operator's command line", () => {
  it(
    "lists a running workflow, shows it in top, and cancels it through the running server's worker",
    async () => {
      let running: WhileRunning | undefined;
      const run = await runCaseInWorld("operator-cli.yml", {
        beforeStep: async (world, index) => {
          if (index === WAITING_FOR_APPROVAL_STEP) running = await whileRunning(world);
        },
        observe: async (world) => ({
          status: statusComment(world),
          pull: pullOf(world, "mean"),
          branchKept: await branchExists(world, "mean"),
          audit: await foremanCli(databaseOf(world.dataDir), "alice", "audit", `acme/stats#${world.issueNumber}`),
          show: await foremanCli(databaseOf(world.dataDir), "alice", "show", `acme/stats#${world.issueNumber}`),
        }),
      });

      expect(run.failures, explain(run)).toEqual([]);
      const { workflowId = "", list, listOpen, topScreen = "", topQuit, cancel } = running ?? {};
      expect(list?.code).toBe(0);
      expect(list?.stdout).toMatch(new RegExp(`^${escaped(workflowId)}\\s+executing\\s+0/1\\s`, "m"));
      expect(listOpen?.stdout).toContain(workflowId);
      expect(topScreen).toContain("foreman top");
      expect(topScreen).toMatch(new RegExp(`${escaped(workflowId)}\\s+executing`));
      expect(topScreen).toMatch(/mean: ready #\d+/);
      expect(topQuit).toBe(true);
      expect(cancel?.code).toBe(0);
      expect(cancel?.stdout).toContain(`queued the cancel of ${workflowId} as operator:alice`);
      const { observed } = run;
      expect(observed.pull).toBe("closed");
      expect(observed.branchKept).toBe(true);
      expect(observed.status).toContain("**Cancelled.**");
      expect(observed.status).toContain("The operator `alice` cancelled the work with `foreman cancel`");
      expect(observed.audit.stdout).toMatch(/ cancel\s+operator:alice .*applied → cancelled/);
      expect(observed.show.stdout).toMatch(/^mean\s+cancelled\s+#\d+/m);
    },
    // Besides the run, five command-line processes start beside the app, each a Node process of its own.
    2 * CASE_TIMEOUT_MS,
  );
});

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function pullOf(world: World, task: string): string {
  const pull = taskPull(world, task);
  return pull ? pullState(pull, world) : "none";
}
