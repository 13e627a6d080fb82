import { describe, expect, it } from "vitest";
import { taskPull, type World } from "@foreman/sandbox";
import { CASE_TIMEOUT_MS, explain } from "./run-case.ts";
import { runCaseInWorld } from "./run-in-world.ts";

/** A task's pull request as GitHub shows it: its title, its body, and the first line of its first commit. */
async function taskView(world: World, task: string): Promise<{ title: string; body: string; commit: string } | null> {
  const pull = taskPull(world, task);
  if (!pull) return null;
  const issue = world.github.store.issue(world.repo.id, pull.number);
  const [first] = (await world.repo.git.compare(pull.baseSha, pull.headSha)).commits;
  const message = first === undefined ? "" : (await world.repo.git.getCommit(first)).message;
  return { title: issue?.title ?? "", body: issue?.body ?? "", commit: message.split("\n")[0] ?? "" };
}

describe("pull request titles that fit the repository", () => {
  it(
    "titles task pull requests and commits type(scope): description when the history uses Conventional Commits, and the last closes the issue",
    async () => {
      const run = await runCaseInWorld("conventional-titles.yml", {
        observe: async (world) => {
          const issue = world.github.store.issue(world.repo.id, world.issueNumber);
          return {
            mean: await taskView(world, "mean"),
            readme: await taskView(world, "readme"),
            issue: { state: issue?.state, closedBy: issue?.closedBy?.login, reason: issue?.stateReason },
            botLogin: world.botLogin,
            issueNumber: world.issueNumber,
          };
        },
      });

      expect(run.failures, explain(run)).toEqual([]);
      expect(run.observed.mean).toMatchObject({ title: "feat(stats): add mean()", commit: "feat(stats): add mean()" });
      expect(run.observed.mean?.body).toContain(`Part of #${run.observed.issueNumber}`);
      expect(run.observed.readme).toMatchObject({ title: "docs: list mean() in the README", commit: "docs: list mean() in the README" });
      expect(run.observed.readme?.body).toContain(`Closes #${run.observed.issueNumber}`);
      expect(run.observed.issue).toEqual({ state: "closed", closedBy: run.observed.botLogin, reason: "completed" });
    },
    CASE_TIMEOUT_MS,
  );
});
