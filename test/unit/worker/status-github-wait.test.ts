import { describe, expect, it } from "vitest";
import type { WorkflowState } from "../../../src/engine/types.ts";
import type { GitHubBudgetPort } from "../../../src/ports/github-budget.ts";
import { runEffect } from "../../../src/worker/effect-runner.ts";
import { renderStatus } from "../../../src/worker/status-view.ts";
import { executing, planOf, published, run } from "../engine/engine-fixtures.ts";
import { fakeDeps, fakeRepo, type FakeRepo } from "./fake-repo.ts";

const WAIT_LINE = /Writes to GitHub are waiting on its rate limits until (\d\d:\d\d) UTC; the work goes on meanwhile\./;

/** The budget as the pacer would tell it: `held` maps an installation to when its writes are held until. */
const budget = (held: Record<number, number>): GitHubBudgetPort => ({ heldUntil: (installationId) => held[installationId] ?? null });

async function updateStatus(repo: FakeRepo, state: WorkflowState, githubBudget?: GitHubBudgetPort): Promise<WorkflowState> {
  const deps = { ...fakeDeps(repo), ...(githubBudget ? { githubBudget } : {}) };
  return runEffect({ deps, github: repo.github, state, keyPrefix: "w@1", outbox: [] }, { type: "update_status" }, 0);
}

const bodies = (repo: FakeRepo): string[] =>
  repo.writes.filter((write) => write.method === "upsertComment").map((write) => (write.args[0] as { body: string }).body);

describe("the status comment while GitHub's limits hold the writes", () => {
  const state = run(executing(planOf({ id: "a" })).state, [published("a")]).state;

  it("says until when, in UTC, under the phase, and only for the workflow's own installation", async () => {
    const until = Date.UTC(2026, 0, 5, 14, 5, 30);
    const held = fakeRepo();
    const other = fakeRepo();

    await updateStatus(held, state, budget({ [state.ref.installationId]: until }));
    await updateStatus(other, state, budget({ [state.ref.installationId + 1]: until }));

    const [heldBody] = bodies(held);
    expect(heldBody?.match(WAIT_LINE)?.[1]).toBe("14:05");
    expect(heldBody?.indexOf("Working on the tasks")).toBeLessThan(heldBody?.search(WAIT_LINE) ?? -1);
    expect(bodies(other)[0]).not.toMatch(WAIT_LINE);
  });

  it("changes no other word of the comment, and is not in its digest: the wait alone writes nothing", async () => {
    const repo = fakeRepo();
    const plain = renderStatus(state);
    const waiting = renderStatus(state, null, Date.UTC(2026, 0, 5, 14, 5));

    const first = await updateStatus(repo, state);
    await updateStatus(repo, first, budget({ [state.ref.installationId]: Date.UTC(2026, 0, 5, 14, 5) }));

    expect(waiting.replace(WAIT_LINE, "").replace("\n\n\n\n", "\n\n")).toBe(plain);
    expect(bodies(repo)).toHaveLength(1);
  });
});
