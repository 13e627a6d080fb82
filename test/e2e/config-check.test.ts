import { describe, expect, it } from "vitest";
import { driveScenario, loadScenario, waitFor, type World } from "@foreman/sandbox";
import { foremanUnderTest } from "../../demo/foreman-under-test.ts";
import { CASE_TIMEOUT_MS, explain, scenarioPath } from "./run-case.ts";

const BRANCH = "tune-foreman";
const WAIT_MS = 45_000;
const BROKEN = "planApproval: auto\nmaxParallelTasks: 2\nlabelz: ship-it\n";
const FIXED = "planApproval: auto\nmaxParallelTasks: 2\nlabel: ship-it\n";

const target = (world: World) => ({ owner: world.repo.owner.login, repo: world.repo.name });

/** Maya's commit of `.github/foreman.yml` on top of `parent`; the new commit's sha. */
async function commitConfig(world: World, parent: string, text: string): Promise<string> {
  const maya = world.as("maya");
  const { data: head } = await maya.rest.git.getCommit({ ...target(world), commit_sha: parent });
  const { data: tree } = await maya.rest.git.createTree({
    ...target(world),
    base_tree: head.tree.sha,
    tree: [{ path: ".github/foreman.yml", mode: "100644", type: "blob", content: text }],
  });
  const { data: commit } = await maya.rest.git.createCommit({
    ...target(world),
    message: "Tune Foreman",
    tree: tree.sha,
    parents: [parent],
  });
  return commit.sha;
}

/** The app's `Foreman config` check on a commit, once it has completed. */
function configCheck(world: World, sha: string) {
  const run = world.github.store
    .checkRunsFor(world.repo.id, sha)
    .find((candidate) => candidate.appId === world.app.id && candidate.name === "Foreman config" && candidate.status === "completed");
  if (!run) return undefined;
  const annotations = run.output.annotations.map(({ path, startLine, endLine, level, message }) => ({
    path,
    startLine,
    endLine,
    level,
    message,
  }));
  return { conclusion: run.conclusion, title: run.output.title, summary: run.output.summary, annotations };
}

describe("the Foreman config check", () => {
  it(
    "fails a pull request whose .github/foreman.yml has a bad key, at its line, and passes it once a push fixes the file",
    async () => {
      const scenario = await loadScenario(scenarioPath("config-check.yml"));
      const shas = { broken: "", fixed: "" };

      const run = await driveScenario(scenario, {
        world: { app: foremanUnderTest },
        onStart: async (world) => {
          const maya = world.as("maya");
          const { data: main } = await maya.rest.git.getRef({ ...target(world), ref: `heads/${world.repo.defaultBranch}` });
          shas.broken = await commitConfig(world, main.object.sha, BROKEN);
          await maya.rest.git.createRef({ ...target(world), ref: `refs/heads/${BRANCH}`, sha: shas.broken });
          await maya.rest.pulls.create({ ...target(world), head: BRANCH, base: world.repo.defaultBranch, title: "Tune Foreman" });
          await waitFor(() => configCheck(world, shas.broken) !== undefined, Date.now() + WAIT_MS);
          shas.fixed = await commitConfig(world, shas.broken, FIXED);
          await maya.rest.git.updateRef({ ...target(world), ref: `heads/${BRANCH}`, sha: shas.fixed });
          await waitFor(() => configCheck(world, shas.fixed) !== undefined, Date.now() + WAIT_MS);
        },
        observe: (world) => ({ broken: configCheck(world, shas.broken), fixed: configCheck(world, shas.fixed) }),
      });

      expect(run.failures, explain(run)).toEqual([]);
      expect(run.observed.broken).toEqual({
        conclusion: "failure",
        title: "Configuration has problems",
        summary: expect.stringContaining('- `labelz` (line 3, column 1): unknown key "labelz"; did you mean "label"?') as unknown,
        annotations: [
          {
            path: ".github/foreman.yml",
            startLine: 3,
            endLine: 3,
            level: "failure",
            message: 'labelz: unknown key "labelz"; did you mean "label"?',
          },
        ],
      });
      expect(run.observed.fixed).toEqual({
        conclusion: "success",
        title: "Configuration reads",
        summary: expect.stringContaining("Read from this commit's `.github/foreman.yml`.") as unknown,
        annotations: [],
      });
    },
    2 * CASE_TIMEOUT_MS,
  );
});
