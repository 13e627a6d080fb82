import { describe, expect, it } from "vitest";
import type { WorkflowState } from "../../../src/engine/types.ts";
import { runEffect, type EffectContext } from "../../../src/worker/effect-runner.ts";
import { statusDigest } from "../../../src/worker/status-view.ts";
import { config, executing, green, planOf, published, run, shaOf, USAGE } from "../engine/engine-fixtures.ts";
import { fakeDeps, fakeRepo, type FakeRepo } from "./fake-repo.ts";

const plan = planOf({ id: "a" }, { id: "b" });
const reviewing = config({ qa: { review: { enabled: true, maxRounds: 2 } } });

async function updateStatus(repo: FakeRepo, state: WorkflowState): Promise<WorkflowState> {
  const context: EffectContext = { deps: fakeDeps(repo), github: repo.github, state, keyPrefix: "w@1", outbox: [] };
  return runEffect(context, { type: "update_status" }, 0);
}

const edits = (repo: FakeRepo): number => repo.writes.filter((write) => write.method === "upsertComment").length;

describe("the status comment's edits", () => {
  it("writes the comment first, then only when a word of it changes: new usage figures or unseen fields write nothing", async () => {
    const repo = fakeRepo();
    const opened = run(executing(plan, reviewing).state, [published("a")]).state;

    const first = await updateStatus(repo, opened);
    const usage = { ...first.usage, promptTokens: first.usage.promptTokens + 5_000 };
    const a = first.tasks.a;
    if (!a) throw new Error("expected task a");
    const unseen = await updateStatus(repo, {
      ...first,
      usage,
      tasks: { ...first.tasks, a: { ...a, riskReasons: ["touches the parser"] } },
    });
    const inReview = await updateStatus(repo, run(unseen, [green("a")]).state);

    expect(edits(repo)).toBe(2);
    expect(first.statusDigest).toBe(statusDigest(opened));
    expect(unseen.statusDigest).toBe(first.statusDigest);
    expect(inReview.tasks.a?.status).toBe("reviewing");
    expect(inReview.statusDigest).not.toBe(first.statusDigest);
  });

  it("writes again when a task's head moves, for the snapshot a lost database is rebuilt from", async () => {
    const repo = fakeRepo();
    const opened = run(executing(plan).state, [published("a")]).state;
    const first = await updateStatus(repo, opened);
    const a = first.tasks.a;
    if (!a) throw new Error("expected task a");

    await updateStatus(repo, { ...first, tasks: { ...first.tasks, a: { ...a, headSha: shaOf("a", 2) } } });

    expect(edits(repo)).toBe(2);
  });

  it("writes a comment it has no id of, whatever its digest says", async () => {
    const repo = fakeRepo();
    const opened = run(executing(plan).state, [published("a")]).state;

    await updateStatus(repo, { ...opened, statusDigest: statusDigest(opened), statusCommentId: null, usage: USAGE });

    expect(edits(repo)).toBe(1);
  });
});
