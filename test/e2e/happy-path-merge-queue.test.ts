import { describe, expect, it } from "vitest";
import { type World, loadScenario } from "@foreman/sandbox";
import { CASE_TIMEOUT_MS, explain, scenarioPath } from "./run-case.ts";
import { runInWorld } from "./run-in-world.ts";

interface GroupCheck {
  groupRef: string;
  foreman: { status: string; conclusion: string | null } | null;
}

/** Every merge group the queue asked checks for, with the app's `Foreman` check on its commit. */
function groupChecks(world: World): GroupCheck[] {
  const groups = world.github.webhooks
    .deliveries()
    .filter((delivery) => delivery.event === "merge_group" && delivery.action === "checks_requested")
    .map((delivery) => delivery.payload.merge_group as { head_sha: string; head_ref: string });
  return groups.map((group) => {
    const run = world.github.store
      .checkRunsFor(world.repo.id, group.head_sha)
      .find((candidate) => candidate.appId === world.app.id && candidate.name === "Foreman");
    return { groupRef: group.head_ref, foreman: run ? { status: run.status, conclusion: run.conclusion } : null };
  });
}

function appCalls(world: World): { enqueues: number; restMerges: number } {
  const calls = world.github.requestLog.all().filter((entry) => entry.actor === world.botLogin);
  const query = (body: unknown): string => (typeof body === "object" && body !== null && "query" in body ? String(body.query) : "");
  return {
    enqueues: calls.filter((entry) => entry.operationId === "graphql" && query(entry.body).includes("enqueuePullRequest")).length,
    restMerges: calls.filter((entry) => entry.operationId === "pulls/merge").length,
  };
}

describe("happy path through the merge queue", () => {
  it(
    "enqueues each approved pull request and reports the Foreman check on its merge group",
    async () => {
      const scenario = await loadScenario(scenarioPath("happy-path-merge-queue.yml"));

      const run = await runInWorld(scenario, {
        until: (world) => groupChecks(world).every((group) => group.foreman?.status === "completed"),
        observe: (world) => ({ groups: groupChecks(world), calls: appCalls(world) }),
      });

      expect(run.failures, explain(run)).toEqual([]);
      expect(run.observed.calls).toEqual({ enqueues: 3, restMerges: 0 });
      expect(run.observed.groups.length, explain(run)).toBeGreaterThanOrEqual(3);
      for (const group of run.observed.groups) {
        expect(group.groupRef).toMatch(/^refs\/heads\/gh-readonly-queue\/main\/pr-\d+-[0-9a-f]{40}$/);
        expect(group.foreman, explain(run)).toEqual({ status: "completed", conclusion: "success" });
      }
    },
    CASE_TIMEOUT_MS,
  );
});
