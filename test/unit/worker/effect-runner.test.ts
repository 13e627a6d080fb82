import { describe, expect, it } from "vitest";
import type { GitHubWrite } from "../../../src/engine/effects.ts";
import { renderRevisionAnswer } from "../../../src/render/index.ts";
import { performWrites, WRITES_EVENT } from "../../../src/worker/effect-runner.ts";
import { fakeDeps, fakeRepo } from "./fake-repo.ts";

const SHA = "e".repeat(40);

describe("performWrites", () => {
  it("answers in a review comment's thread once, however often its job runs", async () => {
    const repo = fakeRepo();
    const deps = fakeDeps(repo);
    const reply: GitHubWrite = { type: "reply_in_thread", pr: 10, commentId: 77, key: `revision-${SHA}`, body: renderRevisionAnswer(SHA) };
    const batch = {
      key: "acme/calculator#7/a@sha:revise:0",
      workflowId: "acme/calculator#7",
      actor: null,
      deliveryId: null,
      writes: [reply],
    };

    await performWrites(deps, repo.github, batch);
    await performWrites(deps, repo.github, batch);

    expect(repo.writes).toEqual([{ method: "replyToReviewComment", args: [10, 77, "Foreman pushed eeeeeee to address this."] }]);
    expect(deps.store.events("acme/calculator#7").map((event) => event.data)).toEqual([
      { effects: [{ type: "reply_in_thread", key: `reply:77:revision-${SHA}` }] },
    ]);
  });

  it("performs a batch again, whole, when a write in it failed, and records it only once it succeeded", async () => {
    const repo = fakeRepo();
    const deps = fakeDeps(repo);
    let failures = 1;
    const closePullRequest = repo.github.closePullRequest.bind(repo.github);
    repo.github.closePullRequest = (pr) => (failures-- > 0 ? Promise.reject(new Error("502")) : closePullRequest(pr));
    const writes: GitHubWrite[] = [
      { type: "react", commentId: 5, content: "+1" },
      { type: "close_pull_request", pr: 10 },
    ];
    const batch = { key: "delivery:d-9", workflowId: "acme/calculator#7", actor: "wes", deliveryId: "d-9", writes };

    await expect(performWrites(deps, repo.github, batch)).rejects.toThrow("502");
    expect(deps.store.events("acme/calculator#7")).toEqual([]);
    await performWrites(deps, repo.github, batch);

    expect(repo.writes.map((write) => write.method)).toEqual(["react", "react", "closePullRequest"]);
    expect(deps.store.events("acme/calculator#7").map((event) => event.kind)).toEqual([WRITES_EVENT]);
  });
});
