import { RequestError } from "@octokit/request-error";
import { describe, expect, it } from "vitest";
import { driveScenario, loadScenario, pullState, taskPull, waitFor, type World } from "@foreman/sandbox";
import { foremanUnderTest } from "../../demo/foreman-under-test.ts";
import { CASE_TIMEOUT_MS, explain, foremanChecks, scenarioPath } from "./run-case.ts";

const PERSONS_BRANCH = "contributing";
const WAIT_MS = 30_000;

interface PersonsPull {
  number: number;
  nodeId: string;
  sha: string;
}

const target = (world: World) => ({ owner: world.repo.owner.login, repo: world.repo.name });

/** Maya's own pull request, not a Foreman task: a new file on a branch of her own. */
async function openPersonsPull(world: World): Promise<PersonsPull> {
  const maya = world.as("maya");
  const { data: main } = await maya.rest.git.getRef({ ...target(world), ref: `heads/${world.repo.defaultBranch}` });
  const { data: head } = await maya.rest.git.getCommit({ ...target(world), commit_sha: main.object.sha });
  const { data: tree } = await maya.rest.git.createTree({
    ...target(world),
    base_tree: head.tree.sha,
    tree: [{ path: "CONTRIBUTING.md", mode: "100644", type: "blob", content: "Open an issue first.\n" }],
  });
  const { data: commit } = await maya.rest.git.createCommit({
    ...target(world),
    message: "Add a contributing guide",
    tree: tree.sha,
    parents: [head.sha],
  });
  await maya.rest.git.createRef({ ...target(world), ref: `refs/heads/${PERSONS_BRANCH}`, sha: commit.sha });
  const { data: pull } = await maya.rest.pulls.create({
    ...target(world),
    head: PERSONS_BRANCH,
    base: world.repo.defaultBranch,
    title: "Add a contributing guide",
  });
  return { number: pull.number, nodeId: pull.node_id, sha: commit.sha };
}

/** The status GitHub's merge answers with (200 when it merged), and its message. */
async function mergeAs(world: World, number: number): Promise<{ status: number; message: string }> {
  try {
    const { status, data } = await world.as("maya").rest.pulls.merge({ ...target(world), pull_number: number, merge_method: "squash" });
    return { status, message: data.message };
  } catch (error) {
    if (!(error instanceof RequestError)) throw error;
    return { status: error.status, message: error.message };
  }
}

const passedOn = (world: World, sha: string, name: string): boolean =>
  world.github.store.checkRunsFor(world.repo.id, sha).some((run) => run.name === name && run.conclusion === "success");

const stateOf = (world: World, number: number): string => {
  const pull = world.github.store.pullsOf(world.repo.id).find((candidate) => candidate.number === number);
  return pull ? pullState(pull, world) : "missing";
};

/** Opens the person's pull request and waits until the repository's check and Foreman's passed on its head. */
async function openAndWaitForChecks(world: World): Promise<PersonsPull> {
  const persons = await openPersonsPull(world);
  await waitFor(() => passedOn(world, persons.sha, "test") && passedOn(world, persons.sha, "Foreman"), Date.now() + WAIT_MS);
  return persons;
}

/** The merge groups the queue made for a pull request, each with the app's `Foreman` check on its commit. */
function groupsOf(world: World, number: number): ReturnType<typeof foremanChecks>[] {
  return world.github.webhooks
    .deliveries()
    .filter((delivery) => delivery.event === "merge_group" && delivery.action === "checks_requested")
    .map((delivery) => delivery.payload.merge_group as { head_sha: string; head_ref: string })
    .filter((group) => group.head_ref.includes(`/pr-${number}-`))
    .map((group) => foremanChecks(world, group.head_sha));
}

const ENQUEUE = `mutation Enqueue($pullRequestId: ID!) {
  enqueuePullRequest(input: { pullRequestId: $pullRequestId }) { mergeQueueEntry { id } }
}`;

const NOT_A_TASK = {
  status: "completed",
  conclusion: "success",
  title: "Not a Foreman task",
  summary: "This pull request is not a Foreman task; Foreman's check gates only Foreman's own pull requests.",
};

describe("a repository that requires the Foreman check", () => {
  it(
    "passes a person's pull request, which merges, and gates the task's pull request until a writer approves it",
    async () => {
      const scenario = await loadScenario(scenarioPath("require-foreman-check.yml"));
      let persons: PersonsPull = { number: 0, nodeId: "", sha: "" };
      let personsMerge = { status: 0, message: "" };
      let unapprovedMerge = { status: 0, message: "" };

      const run = await driveScenario(scenario, {
        world: { app: foremanUnderTest },
        onStart: async (world) => {
          persons = await openAndWaitForChecks(world);
          personsMerge = await mergeAs(world, persons.number);
        },
        beforeStep: async (world, index) => {
          if (index === 1) unapprovedMerge = await mergeAs(world, taskPull(world, "mean")?.number ?? 0);
        },
        observe: (world) => {
          return {
            personsPull: stateOf(world, persons.number),
            personsCheck: foremanChecks(world, persons.sha),
            taskCheck: foremanChecks(world, taskPull(world, "mean")?.headSha ?? "")[0],
          };
        },
      });

      expect(run.failures, explain(run)).toEqual([]);
      expect(run.observed.personsCheck, explain(run)).toEqual([NOT_A_TASK]);
      expect(personsMerge.status).toBe(200);
      expect(run.observed.personsPull).toBe("merged");
      expect(unapprovedMerge.status, explain(run)).toBe(405);
      expect(unapprovedMerge.message).toContain('Required status check "Foreman"');
      expect(run.observed.taskCheck).toMatchObject({ conclusion: "success", title: "Approved" });
    },
    CASE_TIMEOUT_MS,
  );

  it(
    "passes a person's pull request and its merge group, which the queue merges, where a ruleset requires the check",
    async () => {
      const scenario = await loadScenario(scenarioPath("require-foreman-check-queue.yml"));
      let persons: PersonsPull = { number: 0, nodeId: "", sha: "" };

      const run = await driveScenario(scenario, {
        world: { app: foremanUnderTest },
        onStart: async (world) => {
          persons = await openAndWaitForChecks(world);
          await world.as("maya").graphql(ENQUEUE, { pullRequestId: persons.nodeId });
          await waitFor(() => stateOf(world, persons.number) === "merged", Date.now() + WAIT_MS);
        },
        observe: (world) => ({
          personsPull: stateOf(world, persons.number),
          personsCheck: foremanChecks(world, persons.sha),
          personsGroups: groupsOf(world, persons.number),
          taskGroups: groupsOf(world, taskPull(world, "mean")?.number ?? 0),
        }),
      });

      expect(run.failures, explain(run)).toEqual([]);
      expect(run.observed.personsCheck, explain(run)).toEqual([NOT_A_TASK]);
      expect(run.observed.personsPull).toBe("merged");
      expect(run.observed.personsGroups).toEqual([
        [
          {
            ...NOT_A_TASK,
            summary: `Pull request #${persons.number} is not a Foreman task; Foreman's check gates only Foreman's own pull requests.`,
          },
        ],
      ]);
      expect(run.observed.taskGroups.at(-1)).toEqual([expect.objectContaining({ conclusion: "success", title: "Approved" })]);
    },
    CASE_TIMEOUT_MS,
  );
});
