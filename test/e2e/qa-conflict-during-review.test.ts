import { describe, expect, it } from "vitest";
import type { World } from "@foreman/sandbox";
import { CASE_TIMEOUT_MS, explain, foremanChecks } from "./run-case.ts";
import { runCaseInWorld } from "./run-in-world.ts";
import { pullCommits } from "./qa-observe.ts";

const PUSH_STEP = 1;

const titleOf = (body: unknown): string => {
  const output = typeof body === "object" && body !== null && "output" in body ? body.output : null;
  return typeof output === "object" && output !== null && "title" in output && typeof output.title === "string" ? output.title : "";
};

/** Every title the app's check runs on `sha` ever showed, oldest first, from its creating and updating calls. */
function checkTitlesEver(world: World, sha: string): string[] {
  const ids = new Set(foremanChecks(world, sha).length > 0 ? world.github.store.checkRunsFor(world.repo.id, sha).map((run) => run.id) : []);
  return world.github.requestLog
    .all()
    .filter((entry) => entry.status < 400 && (entry.actor === world.botLogin || entry.actor === world.app.slug))
    .filter((entry) => {
      if (entry.operationId === "checks/create")
        return typeof entry.body === "object" && entry.body !== null && "head_sha" in entry.body && entry.body.head_sha === sha;
      return entry.operationId === "checks/update" && ids.has(Number(entry.path.split("/").at(-1)));
    })
    .map((entry) => titleOf(entry.body))
    .filter((title) => title !== "");
}

describe("G4: a push to main while the task is in review", () => {
  it(
    "is noticed: the conflicting head is brought up to date when the review ends, and never offered for /approve",
    async () => {
      let headBeforePush = "";
      const run = await runCaseInWorld("qa-conflict-during-review.yml", {
        beforeStep: (world: World, index) => {
          if (index === PUSH_STEP) headBeforePush = world.github.store.pullsOf(world.repo.id)[0]?.headSha ?? "";
          return Promise.resolve();
        },
        observe: async (world) => ({
          headBeforePush,
          commits: await pullCommits(world, "mean"),
          oldHeadTitles: checkTitlesEver(world, headBeforePush),
          newHeadTitles: checkTitlesEver(world, world.github.store.pullsOf(world.repo.id)[0]?.headSha ?? ""),
        }),
      });

      expect(run.failures, explain(run)).toEqual([]);
      const { observed } = run;
      expect(observed.commits).toHaveLength(2);
      expect(observed.commits[1]?.parents[0]).toBe(observed.headBeforePush);
      // The conflicting head was never offered for approval: reviewed, then updated, then superseded by the merge.
      expect(observed.oldHeadTitles).not.toContain("Ready for approval");
      expect(observed.oldHeadTitles).toContain("Updating to the base branch");
      expect(observed.oldHeadTitles.at(-1)).toBe("Superseded");
      expect(observed.newHeadTitles).toContain("Ready for approval");
    },
    CASE_TIMEOUT_MS,
  );
});
