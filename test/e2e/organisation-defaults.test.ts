import { describe, expect, it } from "vitest";
import { CASE_TIMEOUT_MS, explain } from "./run-case.ts";
import { runCaseInWorld } from "./run-in-world.ts";

describe("the organisation's .github/foreman.yml", () => {
  it(
    "applies to a repository without its own: its label starts the work and its planApproval: auto needs no /approve on the plan",
    async () => {
      const run = await runCaseInWorld("organisation-defaults.yml", {
        observe: (world) => ({
          issueComments: world.github.store
            .commentsOn(world.repo.id, world.issueNumber)
            .map((comment) => ({ author: comment.user.login, body: comment.body })),
          contentReads: world.github.requestLog
            .all()
            .filter((entry) => entry.operationId === "repos/get-content")
            .map((entry) => ({ path: entry.path, status: entry.status })),
        }),
      });

      expect(run.failures, explain(run)).toEqual([]);
      expect(run.observed.issueComments.filter((comment) => comment.author === "maya").map((comment) => comment.body)).not.toContain(
        "/approve",
      );
      expect(run.observed.contentReads).toContainEqual({
        path: expect.stringMatching(/^\/repos\/acme\/\.github\/contents\/\.github(\/|%2F)foreman\.yml/) as unknown,
        status: 200,
      });
    },
    2 * CASE_TIMEOUT_MS,
  );
});
